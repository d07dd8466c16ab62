using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Tests.Identities;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Identities;
using Roundtable.Node.Hosting;
using Roundtable.Node.Json;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class ApiIdentityTests
{
    /// <summary>Submits in the JSON field form and returns the committed result.</summary>
    private static async Task<JsonNode> SendAsync(TestNode node, Member member, TxMessage message)
    {
        var tx = member.Sign(message);
        var story = $"/txs/{tx.Hash}?lang=en";
        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs", TransactionJson.ToJson(tx));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var committed = await node.WaitForCommitAsync(tx.Hash.ToString());
        member.Sequence++;
        var page = System.Net.WebUtility.HtmlDecode(await node.Http.GetStringAsync(story));
        Assert.Contains(message is AttestCertificate ? "had their affiliation verified by a certificate from example-pki" : "posted a certificate revocation list of example-pki", page, StringComparison.Ordinal);
        return committed["result"]!;
    }

    [Fact]
    public async Task A_member_verified_by_a_certificate_shows_it_in_plain_words_in_the_api_and_the_portal_until_a_crl_revokes_it()
    {
        var now = DateTimeOffset.UtcNow;
        var root = TestPki.Root("Example Root", until: now.AddYears(2));
        var issuing = TestPki.Intermediate(root, "Example Issuing CA", rsa: true, until: now.AddYears(1));
        var pem = new string(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE", root.Der));
        await using var node = await TestNode.StartAsync(trustAnchors: [new GenesisDocument.TrustAnchorDocument("example-pki", null, pem)]);
        using var member = new Member(node);
        await member.RegisterAsync("Ada");

        var leaf = TestPki.Leaf(issuing, member.Key, 9, from: now.AddDays(-1), until: now.AddDays(30));
        // Block 1 carries the genesis time (months ago): a registration committed in it would have the
        // attestation checked at that time, before the certificate's notBefore. Later blocks run on the clock.
        await node.WaitForHeightAsync(2);
        var attested = await SendAsync(node, member, new AttestCertificate("example-pki", "Example University", [leaf, issuing.Der]));
        var view = await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/members/{member.Id}");
        var anchors = await node.Http.GetFromJsonAsync<JsonObject>("/api/v1/trust-anchors");
        var parameters = await node.Http.GetFromJsonAsync<JsonObject>("/api/v1/parameters");
        var english = await node.Http.GetStringAsync($"/members/{member.Id}?lang=en");
        var french = await node.Http.GetStringAsync($"/members/{member.Id}?lang=fr");

        Assert.True((bool)attested["ok"]!, (string?)attested["reason"]);
        var affiliation = view!["certifiedAffiliation"]!;
        Assert.Equal("verified", (string?)affiliation["status"]);
        Assert.StartsWith("affiliation verified by example-pki until ", (string?)affiliation["summary"], StringComparison.Ordinal);
        Assert.Equal("Example University", (string?)affiliation["organisation"]);
        Assert.Equal("example-pki", (string?)anchors!["trustAnchors"]![0]!["name"]);
        Assert.Contains("CN=Example Root", (string?)anchors["trustAnchors"]![0]!["rootSubject"], StringComparison.Ordinal);
        Assert.Equal(Convert.ToBase64String(root.Der), (string?)parameters!["trustAnchors"]![0]!["rootCertificate"]);
        Assert.Contains("Affiliation verified by example-pki until ", english, StringComparison.Ordinal);
        Assert.Contains("Example University", english, StringComparison.Ordinal);
        Assert.Contains("Affiliation vérifiée par example-pki jusqu’au ", System.Net.WebUtility.HtmlDecode(french), StringComparison.Ordinal);

        var posted = await SendAsync(node, member, new PostRevocationList("example-pki", TestPki.Crl(issuing, now.AddMinutes(-1), 9), [issuing.Der]));
        var revoked = await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/members/{member.Id}/affiliation");
        using var refused = await node.Http.PostAsJsonAsync("/api/v1/txs", TransactionJson.ToJson(member.Sign(new AttestCertificate("example-pki", string.Empty, [leaf, issuing.Der]))));
        var problem = await refused.Content.ReadAsStringAsync();

        Assert.True((bool)posted["ok"]!, (string?)posted["reason"]);
        Assert.Equal("revoked", (string?)revoked!["status"]);
        Assert.StartsWith("affiliation verified by example-pki, revoked at height ", (string?)revoked["summary"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("certificate-refused", problem, StringComparison.Ordinal);
        Assert.Contains("revoked by its issuer's revocation list", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_JSON_form_of_the_identity_messages_reads_back_as_the_same_message()
    {
        MessageJsonRoundTrip.AssertReadsBack(new AttestCertificate("example-pki", "Université de Genève", [[0x30, 0x00], [0x30, 0x01, 0x00]]));
        MessageJsonRoundTrip.AssertReadsBack(new PostRevocationList("example-pki", [0x30, 0x00], []));
    }
}
