using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class ApiGovernanceTests
{
    [Fact]
    public async Task A_best_practice_selection_is_listed_voted_and_shown_with_its_result_by_group_and_region()
    {
        // Long enough that both ballots land inside the voting window on a loaded machine.
        await using var node = await TestNode.StartAsync(governancePeriodSeconds: 4);
        using var ada = new Member(node);
        using var bo = new Member(node);
        await ada.RegisterAsync("Ada");
        await bo.RegisterAsync("Bo");

        var submit = GovernanceMessages.BestPractice("Minutes", "# How should sessions keep minutes?", ["Open minutes", "Summary only"]);
        var id = ProposalId.For(Hash256.Parse(ada.Id), ada.Sequence);
        await SendAsync(node, ada, submit);
        await SendAsync(node, bo, new SponsorProposal(id));

        var list = (await node.Http.GetFromJsonAsync<JsonObject>("/api/v1/proposals"))!;
        var summary = list["proposals"]![0]!;
        Assert.Equal(id.ToString(), (string?)summary["id"]);
        Assert.Equal("best-practice", (string?)summary["kind"]);
        Assert.Equal(submit.Document.Hash.ToString(), (string?)summary["documentHash"]);

        await TestNode.Until(async () => (string?)(await GetAsync(node, id))["status"] == "voting", "voting to open");
        await Task.WhenAll(
            SendAsync(node, ada, GovernanceMessages.Vote(id, submit.Document.Hash, RankedBallot.FromOrder(2, 1, 0))),
            SendAsync(node, bo, GovernanceMessages.Vote(id, submit.Document.Hash, RankedBallot.FromOrder(2, 1, 0))));
        await TestNode.Until(async () => (string?)(await GetAsync(node, id))["status"] is "passed" or "executed", "the count");

        var proposal = await GetAsync(node, id);
        Assert.Equal(2u, (uint)proposal["ballots"]!);
        Assert.Equal("# How should sessions keep minutes?", (string?)proposal["document"]!["markdown"]);
        Assert.Equal("Summary only", (string?)proposal["winner"]!["label"]);
        var ranked = proposal["result"]!["ranked"]!;
        Assert.Equal(1, (int)ranked["winner"]!);
        Assert.Equal(2, (int)ranked["byGroup"]!["technical"]!["voters"]!);
        Assert.Equal(2, (int)ranked["byRegion"]!["africa"]!["voters"]!);
        Assert.Equal(2, (int)proposal["result"]!["electorsByGroup"]!["technical"]!);
    }

    [Fact]
    public async Task Bad_ballots_are_refused_with_a_reason_and_leave_the_state_root_unchanged()
    {
        await using var node = await TestNode.StartAsync(governancePeriodSeconds: 5);
        using var ada = new Member(node);
        using var bo = new Member(node);
        using var late = new Member(node);
        await ada.RegisterAsync("Ada");
        await bo.RegisterAsync("Bo");
        var submit = GovernanceMessages.Recommendation("Minutes", "# Publish minutes within a week");
        var id = ProposalId.For(Hash256.Parse(ada.Id), ada.Sequence);
        await SendAsync(node, ada, submit);
        await SendAsync(node, bo, new SponsorProposal(id));
        await RefusedAsync(node, bo, GovernanceMessages.Vote(id, submit.Document.Hash, ConsensusStatement.Supports()), "wrong-phase");

        await TestNode.Until(async () => (string?)(await GetAsync(node, id))["status"] == "voting", "voting to open");
        await late.RegisterAsync("Late"); // verified after the electorate was fixed
        var root = (string?)(await node.StatusAsync())["stateRoot"];
        await RefusedAsync(node, bo, GovernanceMessages.Vote(id, Hash256.Compute("another text"u8), ConsensusStatement.Supports()), "invalid-argument");
        await RefusedAsync(node, bo, new CastVote(id, submit.Document.Hash, [0x07]), "malformed");
        await RefusedAsync(node, late, GovernanceMessages.Vote(id, submit.Document.Hash, ConsensusStatement.Supports()), "unauthorized");
        await RefusedAsync(node, bo, new SponsorProposal(Hash256.Compute("no such proposal"u8)), "not-found");

        await node.WaitForHeightAsync(await node.HeightAsync() + 2);
        Assert.Equal("voting", (string?)(await GetAsync(node, id))["status"]);
        Assert.Equal(root, (string?)(await node.StatusAsync())["stateRoot"]);
    }

    [Fact]
    public async Task An_unknown_or_malformed_proposal_id_is_a_problem_with_a_reason()
    {
        await using var node = await TestNode.StartAsync();

        using var malformed = await node.Http.GetAsync("/api/v1/proposals/xyz");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("invalid-proposal-id", (string?)(await malformed.Content.ReadFromJsonAsync<JsonObject>())!["reason"]);

        using var unknown = await node.Http.GetAsync("/api/v1/proposals/" + Hash256.Compute("none"u8));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknown-proposal", (string?)(await unknown.Content.ReadFromJsonAsync<JsonObject>())!["reason"]);
    }

    private static async Task<JsonObject> GetAsync(TestNode node, Hash256 id) =>
        (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/proposals/{id}"))!;

    private static async Task RefusedAsync(TestNode node, Member member, TxMessage message, string reason)
    {
        using var response = await Member.PostBytesAsync(node.Http, member.Sign(message).Encoded.ToArray());
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(reason, (string?)problem["reason"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), problem.ToJsonString());
    }

    private static async Task SendAsync(TestNode node, Member member, TxMessage message)
    {
        var tx = member.Sign(message);
        using var response = await Member.PostBytesAsync(node.Http, tx.Encoded.ToArray());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var committed = await node.WaitForCommitAsync(tx.Hash.ToString());
        Assert.True((bool)committed["result"]!["ok"]!, committed.ToJsonString());
        member.Sequence++;
    }
}
