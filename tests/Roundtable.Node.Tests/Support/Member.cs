using System.Net.Http.Headers;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.PersonalData;

namespace Roundtable.Node.Tests.Support;

/// <summary>A participant holding a key, building signed transactions for a test node.</summary>
public sealed class Member(TestNode node) : IDisposable
{
    public PrivateKey Key { get; } = PrivateKey.Generate();

    public ulong Sequence { get; set; }

    public string Id => Key.PublicKey.Id.ToString();

    public Transaction Sign(TxMessage message, ulong? sequence = null, ulong expiry = 1_000_000, string? chainId = null) =>
        Transaction.Create(chainId ?? node.ChainId, Key, sequence ?? Sequence, expiry, message);

    public static RegisterMember Registration(string name = "Ada") => new(name, "technical", "africa", [new ProfileField("organisation", FreshDisclosure.Of("organisation", "Test Lab").Commitment)]);

    public static async Task<HttpResponseMessage> PostBytesAsync(HttpClient http, ReadOnlyMemory<byte> bytes)
    {
        using var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await http.PostAsync("/api/v1/txs", content).ConfigureAwait(false);
    }

    /// <summary>Registers and waits for the commit.</summary>
    public Task RegisterAsync(string name = "Ada") => SendAsync(Registration(name));

    /// <summary>Signs <paramref name="message"/> at the next sequence, sends it and waits for the commit.</summary>
    public async Task SendAsync(TxMessage message)
    {
        var tx = Sign(message);
        using var response = await PostBytesAsync(node.Http, tx.Encoded.ToArray()).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await node.WaitForCommitAsync(tx.Hash.ToString()).ConfigureAwait(false);
        Sequence++;
    }

    public void Dispose() => Key.Dispose();
}
