using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class ApiTransactionBatchTests
{
    [Fact]
    public async Task A_batch_is_admitted_in_order_so_one_senders_transactions_may_follow_each_other_in_it()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        using var bob = new Member(node);
        var batch = new[]
        {
            ada.Sign(Member.Registration("Ada"), sequence: 0),
            bob.Sign(Member.Registration("Bob"), sequence: 0),
            ada.Sign(new SetGuardians([bob.Key.PublicKey.Id], 1), sequence: 1),
        };

        var results = await PostAsync(node, batch);

        Assert.Equal(batch.Select(t => t.Hash.ToString()), results.Select(r => (string?)r!["hash"]));
        Assert.All(results, r => Assert.Equal("pending", (string?)r!["status"]));
        var last = await node.WaitForCommitAsync(batch[2].Hash.ToString());
        Assert.True((bool)last["result"]!["ok"]!);
    }

    [Fact]
    public async Task A_refused_entry_gets_its_reason_and_the_others_are_still_admitted()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        using var carl = new Member(node);
        var batch = new[] { carl.Sign(Member.Registration("Carl"), sequence: 5), ada.Sign(Member.Registration("Ada"), sequence: 0) };

        var results = await PostAsync(node, batch);

        Assert.Equal("refused", (string?)results[0]!["status"]);
        Assert.Equal("bad-sequence", (string?)results[0]!["code"]);
        Assert.Contains("Expected sequence 0", (string?)results[0]!["reason"], StringComparison.Ordinal);
        Assert.Equal("pending", (string?)results[1]!["status"]);
        await node.WaitForCommitAsync(batch[1].Hash.ToString());
    }

    [Fact]
    public async Task A_batch_that_does_not_decode_is_refused_whole_and_admits_nothing()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        var good = ada.Sign(Member.Registration("Ada"));
        var body = TransactionBatch.Encode([good.Encoded.ToArray(), new byte[] { 1, 2, 3 }]);

        using var response = await SendAsync(node, body, "application/octet-stream");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("malformed-batch", (string?)problem["reason"]);
        Assert.Contains("Entry 1", (string?)problem["detail"], StringComparison.Ordinal);
        using var lookup = await node.Http.GetAsync($"/api/v1/txs/{good.Hash}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task A_batch_in_another_content_type_is_refused_as_unsupported()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);

        using var response = await SendAsync(node, TransactionBatch.Encode([ada.Sign(Member.Registration("Ada")).Encoded.ToArray()]), "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static async Task<JsonArray> PostAsync(TestNode node, IEnumerable<Transaction> batch)
    {
        using var response = await SendAsync(node, TransactionBatch.Encode([.. batch.Select(t => (ReadOnlyMemory<byte>)t.Encoded.ToArray())]), "application/octet-stream");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonArray)(await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!;
    }

    private static async Task<HttpResponseMessage> SendAsync(TestNode node, byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await node.Http.PostAsync("/api/v1/txs/batch", content);
    }
}
