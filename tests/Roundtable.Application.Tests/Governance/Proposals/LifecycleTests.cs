using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Support;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Tests.Governance.Proposals;

public sealed class LifecycleTests
{
    [Fact]
    public void The_id_is_the_hash_of_author_and_sequence_and_the_proposal_starts_in_deliberation()
    {
        var p = new ProposalChain();
        var sequence = p.App.DescribeSender(ProposalChain.Author.PublicKey).NextSequence;
        var id = p.Submit(ProposalChain.Author, ProposalChain.Recommendation());

        var proposal = p.Proposal(id);
        Assert.Equal(ProposalId.For(ProposalChain.Author.PublicKey.Id, sequence), proposal.Id);
        Assert.Equal(ProposalStatus.Deliberation, proposal.Status);
        Assert.Equal(proposal.SubmittedAtMs + ProposalChain.Period, proposal.DueMs);
        Assert.Equal(ProposalKind.Recommendation, proposal.Kind);
        Assert.Equal(VotingMethod.Consensus, proposal.Rule.Method);
    }

    [Fact]
    public void Without_enough_sponsors_a_proposal_lapses_when_deliberation_ends()
    {
        var p = new ProposalChain();
        var id = p.Submit(ProposalChain.Author, ProposalChain.Recommendation());
        p.RunUntilDue(id);

        var proposal = p.Proposal(id);
        Assert.Equal(ProposalStatus.Rejected, proposal.Status);
        Assert.Contains("0 of 1 sponsors", proposal.Outcome, StringComparison.Ordinal);
        Assert.Null(p.App.GetProposalTally(id));
    }

    [Fact]
    public void An_accepted_amendment_replaces_the_pinned_document_and_comments_are_kept()
    {
        var p = new ProposalChain();
        var id = p.Submit(ProposalChain.Author, ProposalChain.Recommendation());
        var amended = ProposalDocument.Inline("# Publish meeting records\n\nWithin two weeks.");
        p.Chain.RunOk(p.Chain.Tx(TestChain.Founder("government", 0), new CommentOnProposal(id, "A week is short for small delegations.")));
        p.Chain.RunOk(p.Chain.Tx(TestChain.Founder("government", 0), new ProposeAmendment(id, amended, "Two weeks.")));
        p.Chain.RunOk(p.Chain.Tx(ProposalChain.Author, new ResolveAmendment(id, 0, Accept: true)));

        var proposal = p.Proposal(id);
        Assert.Equal(amended.Hash, proposal.Document.Hash);
        Assert.Equal(1u, proposal.Comments);
        Assert.Equal(1u, proposal.Amendments);
    }

    [Fact]
    public void A_best_practice_selection_is_decided_by_balanced_Schulze()
    {
        var p = new ProposalChain();
        string[] options = ["Publish agendas early", "Rotate chairs", "Remote participation"];
        var crowd = p.RegisterMany("technical", 10);
        var id = p.SubmitAndOpen(GovernanceMessages.BestPractice("Best practice", "# Pick one", options));
        p.VoteAll(crowd, id, RankedBallot.FromOrder(3, 1, 0, 2));
        p.VoteAll(ProposalChain.OnePerGroup.Where(k => k != TestChain.Founder("technical", 0)), id, RankedBallot.FromOrder(3, 2, 0, 1));
        p.RunUntilDue(id);

        var proposal = p.Proposal(id);
        Assert.Equal(ProposalStatus.Passed, proposal.Status);
        Assert.Equal(3u, proposal.Winner); // option 2: four groups prefer it, one large group does not decide alone
        Assert.Contains("Remote participation", proposal.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_lifecycle_replays_to_the_same_state_root()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(GovernanceMessages.Upgrade("Upgrade", "# 1.1", "1.1", Core.Hashing.Hash256.Compute("r"u8), 10_000));
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.RunUntilDue(id);
        p.RunUntilDue(id);
        Assert.Equal(ProposalStatus.Executed, p.Proposal(id).Status);

        Assert.Equal(p.App.StateRoot, p.Chain.Replay().StateRoot);
    }

    [Fact]
    public void Participation_counts_electors_and_voters_per_group()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(GovernanceMessages.Upgrade("Upgrade", "# 1.1", "1.1", Core.Hashing.Hash256.Compute("r"u8), 10_000));
        p.VoteAll([TestChain.Founder("government", 0), TestChain.Founder("government", 1), TestChain.Founder("technical", 0)], id, YesNoBallot.Yes);

        var participation = Assert.Single(p.App.ListParticipation(10));
        Assert.Equal("civil-society", participation.AuthorGroup);
        Assert.Equal(2, participation.ElectorsByGroup["government"]);
        Assert.Equal(2, participation.VotersByGroup["government"]);
        Assert.Equal(0, participation.VotersByGroup["civil-society"]);
        Assert.Equal(Rational.Of(3, 10), participation.Turnout);
    }
}
