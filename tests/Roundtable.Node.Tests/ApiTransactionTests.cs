using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Node.Json;
using Roundtable.Node.PersonalData;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class ApiTransactionTests
{
    [Fact]
    public async Task Registration_submitted_as_bytes_is_committed_and_its_profile_value_shows_only_once_disclosed()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        var organisation = FreshDisclosure.Of("organisation", "Test Lab");
        var tx = ada.Sign(new RegisterMember("Ada", "technical", "africa", [new ProfileField("organisation", organisation.Commitment)]));

        using var response = await Member.PostBytesAsync(node.Http, tx.Encoded.ToArray());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var committed = await node.WaitForCommitAsync(tx.Hash.ToString());

        Assert.True((bool)committed["result"]!["ok"]!);
        var height = (ulong)committed["height"]!;
        var block = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/blocks/{height}"))!;
        Assert.Equal(tx.Hash.ToString(), (string?)block["transactions"]![0]!["hash"]);
        var member = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/members/{ada.Id}"))!;
        Assert.Equal("Ada", (string?)member["displayName"]);
        Assert.Equal("not available", (string?)member["profile"]!["organisation"]!["status"]);
        Assert.Equal(organisation.Commitment.ToString(), (string?)member["profile"]!["organisation"]!["commitment"]);

        using var disclosed = await node.Http.PostAsJsonAsync("/api/v1/disclosures", DisclosureJson.Write([organisation]));
        Assert.Equal(HttpStatusCode.OK, disclosed.StatusCode);
        member = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/members/{ada.Id}"))!;
        Assert.Equal("Test Lab", (string?)member["profile"]!["organisation"]!["value"]);
    }

    [Fact]
    public async Task Registration_submitted_in_json_form_is_committed()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        var tx = ada.Sign(Member.Registration("Ada"));
        var json = TransactionJson.ToJson(tx);

        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs", json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await node.WaitForCommitAsync(tx.Hash.ToString());
    }

    [Fact]
    public async Task Signing_payload_endpoint_returns_the_bytes_the_sender_signs()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        var tx = ada.Sign(Member.Registration("Ada"));
        var unsigned = TransactionJson.ToJson(tx);
        unsigned.Remove("signature");

        using var response = await node.Http.PostAsJsonAsync("/api/v1/txs/signing-payload", unsigned);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var expected = Ledger.Transactions.Transaction.SigningPayload(tx.ChainId, tx.Sender, tx.Sequence, tx.ExpiryHeight, tx.Message);
        Assert.Equal(Convert.ToHexStringLower(expected), (string?)body["signingPayload"]);
    }

    [Fact]
    public async Task Account_reports_next_sequence_including_pending_transactions()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        await ada.RegisterAsync();

        var account = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/accounts/{ada.Key.PublicKey}"))!;

        Assert.True((bool)account["registered"]!);
        Assert.Equal(1UL, (ulong)account["nextSequence"]!);
        Assert.Equal(ada.Id, (string?)account["memberId"]);
    }

    [Fact]
    public async Task State_proof_verifies_membership_of_a_member_and_non_membership_of_a_stranger()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        using var stranger = new Member(node);
        await ada.RegisterAsync();

        var present = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/state/proof?key=member/{ada.Id}"))!;
        var absent = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/state/proof?key=member/{stranger.Id}"))!;

        Assert.True((bool)present["exists"]!);
        Assert.True((bool)present["verified"]!);
        Assert.False((bool)absent["exists"]!);
        Assert.True((bool)absent["verified"]!);
    }

    [Fact]
    public async Task Status_and_openapi_document_are_served()
    {
        await using var node = await TestNode.StartAsync();
        await node.WaitForHeightAsync(2);

        var status = await node.StatusAsync();
        var openApi = await node.Http.GetStringAsync("/api/v1/openapi.json");

        Assert.Equal(node.ChainId, (string?)status["chainId"]);
        Assert.Single(status["validators"]!.AsArray());
        Assert.Contains("/api/v1/txs", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/state/proof", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_routes_answer_with_problem_details()
    {
        await using var node = await TestNode.StartAsync();

        using var response = await node.Http.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Message_that_would_fail_is_refused_up_front_and_its_reason_can_be_looked_up()
    {
        await using var node = await TestNode.StartAsync();
        using var ada = new Member(node);
        await ada.RegisterAsync();
        var tx = ada.Sign(new AttestAffiliation(Core.Hashing.Hash256.Compute("nobody"u8)));

        using var response = await Member.PostBytesAsync(node.Http, tx.Encoded.ToArray());
        var lookup = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/txs/{tx.Hash}"))!;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("rejected", (string?)lookup["status"]);
        Assert.Equal("not-found", (string?)lookup["result"]!["code"]);
    }

    [Fact]
    public async Task Failure_behind_a_pending_transaction_is_committed_with_its_reason()
    {
        // Long blocks, so that the registration is still pending when the second transaction arrives.
        await using var node = await TestNode.StartAsync(blockIntervalMs: 3000);
        using var ada = new Member(node);
        var register = ada.Sign(Member.Registration("Ada"), sequence: 0);
        var attest = ada.Sign(new AttestAffiliation(Core.Hashing.Hash256.Compute("nobody"u8)), sequence: 1);

        // The second transaction waits behind the first, so it cannot be dry-run and is judged in the block.
        using (var first = await Member.PostBytesAsync(node.Http, register.Encoded.ToArray()))
        using (var second = await Member.PostBytesAsync(node.Http, attest.Encoded.ToArray()))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        var committed = await node.WaitForCommitAsync(attest.Hash.ToString());

        Assert.False((bool)committed["result"]!["ok"]!);
        Assert.Equal("not-found", (string?)committed["result"]!["code"]);
        Assert.Contains("No member", (string?)committed["result"]!["reason"], StringComparison.Ordinal);
    }
}
