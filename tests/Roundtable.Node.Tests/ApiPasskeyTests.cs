using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Json;
using Roundtable.Node.Tests.Support;
using Roundtable.Tests.Support;

namespace Roundtable.Node.Tests;

/// <summary>A passkey member through the API, as the portal drives it: signing payload, then a tag-2 signature in JSON.</summary>
public sealed class ApiPasskeyTests
{
    [Fact]
    public async Task A_passkey_member_registers_and_votes_and_the_parameters_name_the_allowed_site()
    {
        await using var node = await TestNode.StartAsync(governancePeriodSeconds: 3);
        using var passkey = new SoftwarePasskey("localhost");
        using var ada = new Member(node);
        await ada.RegisterAsync("Ada");

        var parameters = (await node.Http.GetFromJsonAsync<JsonObject>("/api/v1/parameters"))!;
        Assert.Equal("localhost", (string?)parameters["passkeyRelyingParties"]![0]);

        ulong sequence = 0;
        await SendAsync(node, passkey, Member.Registration("Phone"), sequence++);
        var member = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/members/{passkey.PublicKey.Id}"))!;
        Assert.Equal("Phone", (string?)member["displayName"]);

        var submit = GovernanceMessages.BestPractice("Minutes", "# How should sessions keep minutes?", ["Open minutes", "Summary only"]);
        var id = ProposalId.For(passkey.PublicKey.Id, sequence);
        await SendAsync(node, passkey, submit, sequence++);
        var sponsor = ada.Sign(new SponsorProposal(id));
        (await Member.PostBytesAsync(node.Http, sponsor.Encoded.ToArray())).Dispose();
        await node.WaitForCommitAsync(sponsor.Hash.ToString());
        ada.Sequence++;

        await TestNode.Until(async () => (string?)(await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/proposals/{id}"))!["status"] == "voting", "voting to open");
        await SendAsync(node, passkey, GovernanceMessages.Vote(id, submit.Document.Hash, RankedBallot.FromOrder(2, 1, 0)), sequence++);
        await TestNode.Until(async () => (string?)(await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/proposals/{id}"))!["status"] is "passed" or "executed", "the count");
    }

    [Fact]
    public async Task A_passkey_made_for_another_site_is_refused_with_its_reason()
    {
        await using var node = await TestNode.StartAsync();
        using var passkey = new SoftwarePasskey("evil.example");

        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs", await SignedJsonAsync(node, passkey, Member.Registration("Stranger"), 0));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("relying-party-not-allowed", (string?)problem["reason"]);
        Assert.Contains("localhost", (string?)problem["detail"], StringComparison.Ordinal);
        using var unknown = await node.Http.GetAsync($"/api/v1/members/{passkey.PublicKey.Id}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_validator_change_naming_a_passkey_is_refused_as_an_invalid_field()
    {
        await using var node = await TestNode.StartAsync();
        using var passkey = new SoftwarePasskey();
        using var ada = new Member(node);
        var json = TransactionJson.ToJson(ada.Sign(GovernanceMessages.ChangeValidators("Phone validator", "# no", [new Ledger.Validators.Validator(passkey.EcdsaKey, "phone", "technical", 1)])));
        var validators = json["message"]!["action"]!["validators"]!.AsArray();
        validators[0]!["key"] = passkey.PublicKey.ToString();

        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs", json);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("passkey", (string?)problem["detail"], StringComparison.Ordinal);
    }

    private static async Task<JsonObject> SignedJsonAsync(TestNode node, SoftwarePasskey passkey, TxMessage message, ulong sequence)
    {
        var unsigned = TransactionJson.ToJson(Ledger.Transactions.Transaction.FromParts(node.ChainId, passkey.PublicKey, sequence, 1_000_000, message, passkey.Sign([])));
        unsigned.Remove("signature");
        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs/signing-payload", unsigned);
        var payload = Convert.FromHexString((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["signingPayload"]!);
        unsigned["signature"] = passkey.Sign(payload).ToString();
        return unsigned;
    }

    private static async Task SendAsync(TestNode node, SoftwarePasskey passkey, TxMessage message, ulong sequence)
    {
        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs", await SignedJsonAsync(node, passkey, message, sequence));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToJsonString());
        var committed = await node.WaitForCommitAsync((string)body["hash"]!);
        Assert.True((bool)committed["result"]!["ok"]!, committed.ToJsonString());
    }
}
