using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Transactions;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.Json;

/// <summary>Transactions as JSON, both ways. Parsing re-encodes canonically, so the signature is checked against exactly the signed bytes.</summary>
public static class TransactionJson
{
    /// <summary>A transaction as a JSON object (with its hash and canonical hex).</summary>
    public static JsonObject ToJson(Transaction tx) => new()
    {
        ["hash"] = tx.Hash.ToString(),
        ["chainId"] = tx.ChainId,
        ["sender"] = tx.Sender.ToString(),
        ["senderId"] = tx.Sender.Id.ToString(),
        ["sequence"] = tx.Sequence,
        ["expiryHeight"] = tx.ExpiryHeight,
        ["message"] = MessageJson.ToJson(tx.Message),
        ["signature"] = tx.Signature.ToString(),
    };

    /// <summary>
    /// Reads a transaction from JSON: either <c>{"encoded": "hex"}</c> (canonical bytes) or the
    /// field form with chainId, sender, sequence, expiryHeight, message and signature.
    /// </summary>
    /// <exception cref="JsonFormException">A field is missing or invalid.</exception>
    /// <exception cref="DecodeException">The encoded form is not canonical.</exception>
    public static Transaction FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFormException("The body must be a JSON object.");
        }

        RequireValidText(json);

        if (json.TryGetProperty("encoded", out _))
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(String(json, "encoded"));
            }
            catch (FormatException)
            {
                throw new JsonFormException("Field 'encoded' must be hexadecimal.");
            }

            return Transaction.Decode(bytes);
        }

        var parsed = Transaction.FromParts(
            String(json, "chainId"), Key(json, "sender"), UInt64(json, "sequence"), UInt64(json, "expiryHeight"),
            MessageJson.FromJson(Required(json, "message")), Signature(json, "signature"));

        // Round-trip through the canonical decoder so JSON obeys every rule the binary form does.
        return Transaction.Decode(parsed.Encoded);
    }
}
