using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests.Upgrades;

/// <summary>
/// A single node with no peers (nothing else keeps it alive) that does not run the approved
/// release: it stops committing at the halt height but stays up and serving, and started again on
/// the same home it still serves and still refuses to go on.
/// </summary>
public sealed class UpgradeHaltTests
{
    [Fact]
    public async Task A_lone_node_of_another_release_halts_at_the_height_and_keeps_serving_before_and_after_a_restart()
    {
        var node = await TestNode.StartAsync(governancePeriodSeconds: 1);
        try
        {
            var members = new[] { new Member(node), new Member(node), new Member(node), new Member(node) };
            string[] groups = ["technical", "technical", "civil-society", "civil-society"];
            for (var i = 0; i < members.Length; i++)
            {
                await members[i].SendAsync(new RegisterMember($"Elector {i}", groups[i], "africa", []));
            }

            // Three one-second periods at 50 ms blocks are about 60 blocks: 400 leave room for a loaded machine.
            var halt = await node.HeightAsync() + 400;
            var submit = GovernanceMessages.Upgrade("Adopt 9.9", "# Release 9.9", "9.9", Hash256.Compute("a release this node is not"u8), halt);
            var id = ProposalId.For(Hash256.Parse(members[0].Id), members[0].Sequence);
            await members[0].SendAsync(submit);
            await Task.WhenAll(members[1].SendAsync(new SponsorProposal(id)), members[2].SendAsync(new SponsorProposal(id)));
            await TestNode.Until(async () => await ProposalStatusAsync(node, id) == "voting", "voting to open");
            await Task.WhenAll(members.Select(m => m.SendAsync(GovernanceMessages.Vote(id, submit.Document.Hash, YesNoBallot.Yes))));
            await TestNode.Until(async () => await ProposalStatusAsync(node, id) == "executed", "the upgrade to execute");

            await TestNode.Until(async () => (await node.StatusAsync())["halted"] is not null, "the halt", seconds: 60);
            Assert.Equal(halt, await node.HeightAsync());
            Assert.Equal(halt, node.Chain.Height);
            Assert.Contains("9.9", (string?)(await node.StatusAsync())["halted"], StringComparison.Ordinal);
            Assert.True(node.IsRunning);

            await node.StopKeepingHomeAsync();
            node = await TestNode.RestartAsync(node);
            Assert.Contains("stops there", (string?)(await node.StatusAsync())["halted"], StringComparison.Ordinal);
            Assert.Equal(halt, await node.HeightAsync());
            Assert.True(node.IsRunning);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    private static async Task<string?> ProposalStatusAsync(TestNode node, Hash256 id) =>
        (string?)(await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/proposals/{id}"))!["status"];
}
