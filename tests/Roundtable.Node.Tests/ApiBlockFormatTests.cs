using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Blocks;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class ApiBlockFormatTests
{
    [Fact]
    public async Task A_block_read_as_binary_is_the_canonical_encoding_the_json_view_shows()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        var tx = ada.Sign(Member.Registration("Ada"));
        using (var submitted = await Member.PostBytesAsync(node.Http, tx.Encoded.ToArray()))
        {
            submitted.EnsureSuccessStatusCode();
        }

        var height = (ulong)(await node.WaitForCommitAsync(tx.Hash.ToString()))["height"]!;

        var bytes = await node.Http.GetByteArrayAsync($"/api/v1/blocks/{height}?format=binary");
        var json = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/blocks/{height}"))!;

        Assert.Equal((string?)json["encoded"], Convert.ToHexStringLower(bytes));
        Assert.Equal(tx.Hash, Assert.Single(Block.Decode(bytes).Transactions).Hash);
    }

    [Fact]
    public async Task An_unknown_block_format_is_refused_with_the_formats_there_are()
    {
        await using var node = await TestNode.StartAsync();

        using var response = await node.Http.GetAsync("/api/v1/blocks/1?format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid-format", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason"]);
    }
}
