using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;

namespace Roundtable.Ledger.Transactions;

/// <summary>
/// A signed transaction: chain id, sender key, per-sender sequence, expiry height and one typed
/// message. The sender signs <see cref="SigningPayload"/>; the transaction's id is the SHA-256 of
/// its full canonical encoding. Immutable; decoded instances keep their exact bytes.
/// </summary>
public sealed class Transaction
{
    private static readonly byte[] Domain = "roundtable.tx.v1"u8.ToArray();

    private byte[]? _encoded;
    private Hash256? _hash;

    private Transaction(string chainId, PublicKey sender, ulong sequence, ulong expiryHeight, TxMessage message, Signature signature, byte[]? encoded)
    {
        ChainId = chainId;
        Sender = sender;
        Sequence = sequence;
        ExpiryHeight = expiryHeight;
        Message = message;
        Signature = signature;
        _encoded = encoded;
    }

    /// <summary>The chain this transaction is valid on.</summary>
    public string ChainId { get; }

    /// <summary>The key that signed; the application maps it to a member.</summary>
    public PublicKey Sender { get; }

    /// <summary>The sender's transaction count before this one: each value is used exactly once.</summary>
    public ulong Sequence { get; }

    /// <summary>The last height at which this transaction may be included.</summary>
    public ulong ExpiryHeight { get; }

    /// <summary>What the transaction does.</summary>
    public TxMessage Message { get; }

    /// <summary>The sender's signature over <see cref="SigningPayload"/>.</summary>
    public Signature Signature { get; }

    /// <summary>The canonical encoding.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded ??= Encode();

    /// <summary>SHA-256 of the canonical encoding.</summary>
    public Hash256 Hash => _hash ??= Hash256.Compute(Encoded);

    /// <summary>Builds and signs a transaction.</summary>
    public static Transaction Create(string chainId, PrivateKey sender, ulong sequence, ulong expiryHeight, TxMessage message)
    {
        if (!Ledger.ChainId.IsValid(chainId))
        {
            throw new ArgumentException($"'{chainId}' is not a valid chain id.", nameof(chainId));
        }

        var payload = SigningPayload(chainId, sender.PublicKey, sequence, expiryHeight, message);
        return new Transaction(chainId, sender.PublicKey, sequence, expiryHeight, message, sender.Sign(payload), null);
    }

    /// <summary>Assembles a transaction from parts signed elsewhere (a browser, a hardware token).</summary>
    public static Transaction FromParts(string chainId, PublicKey sender, ulong sequence, ulong expiryHeight, TxMessage message, Signature signature) =>
        new(chainId, sender, sequence, expiryHeight, message, signature, null);

    /// <summary>
    /// The bytes the sender signs: a domain tag followed by every field except the signature.
    /// The domain tag keeps a transaction signature from ever being valid as a vote or any other payload.
    /// </summary>
    public static byte[] SigningPayload(string chainId, PublicKey sender, ulong sequence, ulong expiryHeight, TxMessage message)
    {
        var writer = new CanonicalWriter();
        writer.WriteFixed(Domain);
        WriteUnsignedFields(writer, chainId, sender, sequence, expiryHeight, message);
        return writer.ToArray();
    }

    /// <summary>True when the signature is valid for the sender key. Does not consult any state.</summary>
    public bool VerifySignature()
    {
        // The encoding is the signed fields followed by the signature, so the payload is the
        // domain tag plus the encoding minus its signature's bytes: no re-encoding.
        var encoded = Encoded;
        var unsigned = encoded[..^Signature.Encoded.Length];
        var payload = new byte[Domain.Length + unsigned.Length];
        Domain.CopyTo(payload, 0);
        unsigned.CopyTo(payload.AsSpan(Domain.Length));
        return SignatureVerifier.Verify(Sender, payload, Signature);
    }

    /// <summary>Decodes exactly one transaction; refuses anything but its canonical encoding.</summary>
    public static Transaction Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > TransactionLimits.MaxEncodedSize)
        {
            throw new DecodeException(DecodeError.Oversize, $"Transaction is {encoded.Length} bytes, the limit is {TransactionLimits.MaxEncodedSize}.");
        }

        var reader = new CanonicalReader(encoded);
        var version = reader.ReadByte();
        if (version != TransactionLimits.Version)
        {
            throw new DecodeException(DecodeError.UnknownType, $"Unknown transaction version {version}.");
        }

        var chainId = Ledger.ChainId.Read(ref reader);
        var sender = PublicKey.Decode(ref reader);
        var sequence = reader.ReadVarUInt();
        var expiry = reader.ReadVarUInt();
        var message = MessageCodec.Decode(ref reader);
        var signature = Signature.Decode(ref reader);
        reader.EnsureEnd();
        return new Transaction(chainId, sender, sequence, expiry, message, signature, encoded.ToArray());
    }

    private byte[] Encode()
    {
        var writer = new CanonicalWriter();
        WriteUnsignedFields(writer, ChainId, Sender, Sequence, ExpiryHeight, Message);
        Signature.Encode(writer);
        return writer.ToArray();
    }

    private static void WriteUnsignedFields(CanonicalWriter writer, string chainId, PublicKey sender, ulong sequence, ulong expiryHeight, TxMessage message)
    {
        writer.WriteByte(TransactionLimits.Version);
        writer.WriteString(chainId);
        sender.Encode(writer);
        writer.WriteVarUInt(sequence);
        writer.WriteVarUInt(expiryHeight);
        MessageCodec.Encode(writer, message);
    }
}
