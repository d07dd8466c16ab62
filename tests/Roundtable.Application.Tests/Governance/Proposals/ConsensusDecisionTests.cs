using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Tests.Governance.Proposals;

public sealed class ConsensusDecisionTests
{
    private static readonly PrivateKey Chair = ProposalChain.Author;

    [Fact]
    public void Hundred_supporters_and_five_unaddressed_objections_is_not_consensus()
    {
        var p = new ProposalChain();
        var supporters = p.RegisterMany("private-sector", 50).Concat(p.RegisterMany("technical", 50)).ToList();
        var objectors = p.RegisterMany("civil-society", 5, prefix: "objector");
        var id = p.SubmitAndOpen(ProposalChain.Recommendation());
        p.VoteAll(supporters, id, ConsensusStatement.Supports());
        p.VoteAll(objectors, id, ConsensusStatement.Objects("The record omits remote participants."));
        p.RunUntilDue(id);
        Assert.Equal(ProposalStatus.AwaitingCall, p.Proposal(id).Status);

        var refused = p.Chain.RefuseConsumingSequence(p.Chain.Tx(Chair, new CallConsensus(id, true, "Overwhelming support.")), TxCode.InvalidArgument);
        Assert.Contains("5 objection(s) are not ruled addressed", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.AwaitingCall, p.Proposal(id).Status);

        p.Chain.RunOk(p.Chain.Tx(Chair, new CallConsensus(id, false, "Objections about remote participation remain open.")));
        Assert.Equal(ProposalStatus.Rejected, p.Proposal(id).Status);
    }

    [Fact]
    public void Few_supporters_many_stand_asides_and_every_objection_addressed_is_consensus()
    {
        var p = new ProposalChain();
        var id = OpenWithAddressedObjections(p, out _);
        p.Chain.RunOk(p.Chain.Tx(Chair, new CallConsensus(id, true, "Every objection was answered; nobody blocks.")));
        Assert.Equal(ProposalStatus.Called, p.Proposal(id).Status);

        p.RunUntilDue(id); // the appeal window closes
        Assert.Equal(ProposalStatus.Passed, p.Proposal(id).Status);
        p.RunUntilDue(id); // the timelock ends
        var proposal = p.Proposal(id);
        Assert.Equal(ProposalStatus.Executed, proposal.Status);
        Assert.Contains("2 support, 20 stand aside, 3 object (0 not addressed)", proposal.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void An_objector_appeals_and_a_balanced_vote_overturns_the_call()
    {
        var p = new ProposalChain();
        var id = OpenWithAddressedObjections(p, out var objectors);
        p.Chain.RunOk(p.Chain.Tx(Chair, new CallConsensus(id, true, "Every objection was answered.")));
        p.Chain.RunOk(p.Chain.Tx(objectors[0], new AppealCall(id, "The answer to my objection misreads it.")));
        Assert.Equal(ProposalStatus.AppealVoting, p.Proposal(id).Status);

        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.No);
        Assert.False(p.App.GetProposalTally(id)!.Balanced!.Passed);
        p.RunUntilDue(id);

        var proposal = p.Proposal(id);
        Assert.Equal(ProposalStatus.Rejected, proposal.Status);
        Assert.StartsWith("Call overturned", proposal.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_an_objector_may_appeal_and_only_while_the_window_is_open()
    {
        var p = new ProposalChain();
        var id = OpenWithAddressedObjections(p, out var objectors);
        p.Chain.RunOk(p.Chain.Tx(Chair, new CallConsensus(id, true, "Every objection was answered.")));
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(TestChain.Founder("government", 0), new AppealCall(id, "I supported but dislike it.")), TxCode.Unauthorized);

        p.RunUntilDue(id);
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(objectors[1], new AppealCall(id, "Too late.")), TxCode.WrongPhase);
    }

    [Fact]
    public void A_ruling_on_an_objection_as_formerly_worded_is_refused()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(ProposalChain.Recommendation());
        var objector = TestChain.Founder("government", 1);
        var first = ConsensusStatement.Objects("Too vague.");
        p.Vote(objector, id, first);
        p.Vote(objector, id, ConsensusStatement.Objects("Too vague about deadlines."));

        var ruling = GovernanceMessages.Rule(id, p.Chain.Member(objector).Id, first, true, "Deadlines were added.");
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(Chair, ruling), TxCode.InvalidArgument);
    }

    [Fact]
    public void Only_the_chair_rules_on_objections()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(ProposalChain.Recommendation());
        var objector = TestChain.Founder("government", 1);
        var objection = ConsensusStatement.Objects("Too vague.");
        p.Vote(objector, id, objection);

        var ruling = GovernanceMessages.Rule(id, p.Chain.Member(objector).Id, objection, true, "Clarified.");
        p.Chain.RefuseConsumingSequence(p.Chain.Tx(TestChain.Founder("technical", 0), ruling), TxCode.Unauthorized);
    }

    /// <summary>2 supporters, 20 stand-asides, 3 objections each ruled addressed by the chair; the vote closed.</summary>
    private static Hash256 OpenWithAddressedObjections(ProposalChain p, out IReadOnlyList<PrivateKey> objectors)
    {
        var standAsides = p.RegisterMany("intergovernmental", 20);
        objectors = p.RegisterMany("government", 3, prefix: "objector");
        var id = p.SubmitAndOpen(ProposalChain.Recommendation());
        p.VoteAll([TestChain.Founder("technical", 0), TestChain.Founder("private-sector", 0)], id, ConsensusStatement.Supports());
        p.VoteAll(standAsides, id, ConsensusStatement.StandsAside("Not our field."));
        var objection = ConsensusStatement.Objects("Publishing within a week is too fast for small delegations.");
        p.VoteAll(objectors, id, objection);
        foreach (var o in objectors)
        {
            p.Chain.RunOk(p.Chain.Tx(Chair, GovernanceMessages.Rule(id, p.Chain.Member(o).Id, objection, true, "The text now allows two weeks on request.")));
        }

        p.RunUntilDue(id);
        Assert.Equal(ProposalStatus.AwaitingCall, p.Proposal(id).Status);
        return id;
    }
}
