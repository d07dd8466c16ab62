using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Governance.Proposals;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;

namespace Roundtable.Application.Tests.Names;

/// <summary>Zones are created, changed and retired only by a passed zone-change proposal, when its timelock ends.</summary>
public sealed class ZoneChangeProposalTests
{
    private const string Other = "civic.internal.";

    private static SubmitProposal Propose(ZoneChange change) =>
        new("Zone " + change.Origin, ProposalDocument.Inline("# Zone change"), change, default, false);

    private static Hash256 PassAndExecute(ProposalChain p, ZoneChange change)
    {
        var id = p.SubmitAndOpen(Propose(change));
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.RunUntilDue(id);
        Assert.Equal(ProposalStatus.Passed, p.Proposal(id).Status);
        p.RunUntilDue(id);
        Assert.Equal(ProposalStatus.Executed, p.Proposal(id).Status);
        return id;
    }

    private static string RefusedAtSubmission(ProposalChain p, ZoneChange change) =>
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(ProposalChain.Author, Propose(change)), TxCode.InvalidArgument).Reason;

    [Fact]
    public void A_passed_proposal_creates_a_zone_whose_version_is_the_executing_height_and_members_may_then_register()
    {
        var p = new ProposalChain();
        var policy = NamesTests.Policy() with { Origin = Other, Contact = "hostmaster." + Other, NameServers = [new ZoneNameServer("ns1." + Other, [127, 0, 0, 1])], RequireVerified = false };

        PassAndExecute(p, new ZoneChange(Other, policy));

        Assert.Equal(policy, p.App.ListZones().Single());
        Assert.Equal(p.App.Height, p.App.GetZoneVersion(Other).ChangedAtHeight);
        p.Chain.RunOk(p.Chain.Tx(ProposalChain.Author, new RegisterName(Other, "first", [new NameRecord("", DnsRecordType.A, 300, [192, 0, 2, 1])])));
    }

    [Fact]
    public void A_changed_policy_applies_from_its_execution_and_retiring_removes_the_zone_and_its_names()
    {
        var p = new ProposalChain(zones: [NamesTests.Policy()]);
        var zone = NamesTests.Policy().Origin;
        p.Chain.RunOk(p.Chain.Tx(ProposalChain.Author, new RegisterName(zone, "keeper", [new NameRecord("", DnsRecordType.A, 300, [192, 0, 2, 1])])));

        PassAndExecute(p, new ZoneChange(zone, NamesTests.Policy() with { ReservedLabels = ["admin", "newbie", "www"] }));
        var refused = p.Chain.RefuseConsumingSequence(p.Chain.Tx(ProposalChain.Author, new RegisterName(zone, "newbie", [])), TxCode.Unauthorized);
        Assert.Contains("reserved", refused.Reason, StringComparison.Ordinal);
        Assert.NotNull(p.App.GetName(zone, "keeper"));

        PassAndExecute(p, new ZoneChange(zone, null));
        Assert.Empty(p.App.ListZones());
        Assert.Null(p.App.GetName(zone, "keeper"));
        Assert.Equal(0UL, p.App.GetZoneVersion(zone).ChangedAtHeight);
    }

    [Fact]
    public void Proposals_that_could_never_execute_are_refused_at_submission_with_the_reason()
    {
        var p = new ProposalChain(zones: [NamesTests.Policy()]);
        var zone = NamesTests.Policy().Origin;

        Assert.Contains("no zone civic.internal. to retire", RefusedAtSubmission(p, new ZoneChange(Other, null)), StringComparison.Ordinal);
        Assert.Contains("not civic.internal.", RefusedAtSubmission(p, new ZoneChange(Other, NamesTests.Policy())), StringComparison.Ordinal);
        Assert.Contains("would nest with zone " + zone, RefusedAtSubmission(p, new ZoneChange("sub." + zone, NamesTests.Policy() with { Origin = "sub." + zone })), StringComparison.Ordinal);
        Assert.Contains("not a stakeholder group", RefusedAtSubmission(p, new ZoneChange(zone, NamesTests.Policy() with { RegistrantGroups = ["astronauts"] })), StringComparison.Ordinal);
        Assert.Contains("secondaries", RefusedAtSubmission(p, new ZoneChange(zone, NamesTests.Policy() with { Secondaries = [new ZoneSecondary([1, 2, 3], 53)] })), StringComparison.Ordinal);
        Assert.Contains("not a P-256 public key", RefusedAtSubmission(p, new ZoneChange(zone, NamesTests.Policy() with { SigningKeys = [new ZoneSigningKey("Registry", new byte[64], true)] })), StringComparison.Ordinal);
        using var key = Core.Crypto.PrivateKey.Generate();
        var inactive = new ZoneSigningKey("Registry", key.PublicKey.Point.ToArray(), Active: false);
        Assert.Contains("at least one active signing key", RefusedAtSubmission(p, new ZoneChange(zone, NamesTests.Policy() with { SigningKeys = [inactive] })), StringComparison.Ordinal);
        Assert.Contains("published once", RefusedAtSubmission(p, new ZoneChange(zone, NamesTests.Policy() with { SigningKeys = [inactive with { Active = true }, inactive] })), StringComparison.Ordinal);
        Assert.Empty(p.App.ListProposals(10));
    }
}
