using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Json;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class ApiNotaryTests
{
    private static readonly Hash256 Version1 = Hash256.Compute("dataset v1"u8);
    private static readonly Hash256 Version2 = Hash256.Compute("dataset v2"u8);

    /// <summary>Submits in the JSON field form, as a browser or script would, and waits for a successful commit.</summary>
    private static async Task SendOkAsync(TestNode node, Member member, TxMessage message)
    {
        var tx = member.Sign(message);
        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs", TransactionJson.ToJson(tx));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var committed = await node.WaitForCommitAsync(tx.Hash.ToString());
        Assert.True((bool)committed["result"]!["ok"]!, (string?)committed["result"]!["reason"]);
        member.Sequence++;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(TestNode node, string path)
    {
        using var response = await node.Http.GetAsync(path);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task Anchors_are_served_by_digest_by_member_and_by_lineage_and_bad_digests_are_problems()
    {
        await using var node = await TestNode.StartAsync();
        using var author = new Member(node);
        using var cosigner = new Member(node);
        await author.RegisterAsync("Ada");
        await cosigner.RegisterAsync("Olu");

        await SendOkAsync(node, author, new AnchorDocument(Version1, new AnchorMetadata("Dataset", "text/csv", 10, null, ["open-data"]), []));
        await SendOkAsync(node, author, new AnchorDocument(
            Version2, new AnchorMetadata("Dataset, second release", "text/csv", 12, "https://example.org/v2.csv", []), [new LineageLink(LineageRelation.NewVersionOf, Version1)]));
        await SendOkAsync(node, cosigner, new CosignAnchor(Version2));
        await SendOkAsync(node, author, new SupersedeAnchor(Version1, Version2, "Second release."));

        var (status, anchor) = await GetAsync(node, $"/api/v1/anchors/{Version2}");
        var (_, superseded) = await GetAsync(node, $"/api/v1/anchors/{Version1}");
        var (_, byMember) = await GetAsync(node, $"/api/v1/members/{cosigner.Id}/anchors");
        var (_, lineage) = await GetAsync(node, $"/api/v1/anchors/{Version1}/lineage");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("anchor/" + Version2, (string?)anchor["stateKey"]);
        Assert.Equal(author.Id, (string?)anchor["author"]!["member"]);
        Assert.Equal("technical", (string?)anchor["author"]!["stakeholderGroup"]);
        Assert.Equal(cosigner.Id, (string?)anchor["endorsements"]![0]!["member"]);
        Assert.Equal("new-version-of", (string?)anchor["links"]![0]!["relation"]);
        Assert.Equal("superseded", (string?)superseded["status"]);
        Assert.Equal(Version2.ToString(), (string?)superseded["replacement"]);
        Assert.Equal(("author", null), ((string?)superseded["withdrawnBy"], (string?)superseded["withdrawingProposal"]));
        Assert.Null(anchor["withdrawnBy"]);
        Assert.Equal("cosigner", (string?)byMember["anchors"]![0]!["role"]);
        Assert.Equal(Version2.ToString(), (string?)lineage["descendants"]![0]!["anchor"]!["digest"]);

        foreach (var (path, expected, reason) in new[]
        {
            ("/api/v1/anchors/not-a-digest", HttpStatusCode.BadRequest, "invalid-digest"),
            ($"/api/v1/anchors/{Hash256.Compute("never anchored"u8)}", HttpStatusCode.NotFound, "unknown-anchor"),
            ($"/api/v1/anchors/{Hash256.Compute("never anchored"u8)}/lineage", HttpStatusCode.NotFound, "unknown-anchor"),
            ($"/api/v1/members/{new string('0', 64)}/anchors", HttpStatusCode.NotFound, "unknown-member"),
        })
        {
            var (problemStatus, problem) = await GetAsync(node, path);
            Assert.Equal((expected, reason), (problemStatus, (string?)problem["reason"]));
        }
    }
}
