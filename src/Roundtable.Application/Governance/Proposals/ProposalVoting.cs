using Roundtable.Application.Disputes;
using Roundtable.Application.Execution;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>Casting open ballots, committing and revealing secret ones: each from an elector of the fixed electorate, bound to the pinned document.</summary>
public static class ProposalVoting
{
    /// <summary>Records (or replaces) the sender's open ballot, or a ballot on an appealed call.</summary>
    public static void Cast(TxContext ctx, CastVote m)
    {
        var proposal = ProposalStore.Require(ctx.State, m.Proposal);
        var appeal = proposal.Status == ProposalStatus.AppealVoting;
        if (!appeal)
        {
            ProposalStore.RequireStatus(proposal, "vote", ProposalStatus.Voting);
            if (proposal.Secret)
            {
                throw new TxRejectedException(TxCode.InvalidArgument, "This proposal uses a secret ballot: commit your vote, then reveal it.");
            }
        }

        var voter = RequireElector(ctx, proposal, m.Document);
        ProposalBallots.Validate(proposal, m.Ballot, appeal);
        var key = appeal ? GovernanceKeys.AppealBallot(proposal.Id, voter) : GovernanceKeys.Ballot(proposal.Id, voter);
        var previous = ctx.State.Get<StoredBallot>(key);
        if (previous is not null && previous.Encoded.AsSpan().SequenceEqual(m.Ballot))
        {
            throw new TxRejectedException(TxCode.Duplicate, "This ballot is already your recorded vote.");
        }

        ctx.State.Put(key, new StoredBallot(m.Ballot));
        if (previous is null && !appeal)
        {
            ProposalStore.Put(ctx.State, proposal with { Voters = proposal.Voters + 1 });
        }
    }

    /// <summary>Records (or replaces) the sender's secret-ballot commitment.</summary>
    public static void Commit(TxContext ctx, CommitVote m)
    {
        var proposal = ProposalStore.Require(ctx.State, m.Proposal);
        ProposalStore.RequireStatus(proposal, "commit a vote", ProposalStatus.Voting);
        if (!proposal.Secret)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "This proposal votes in the open: cast your ballot.");
        }

        var voter = RequireElector(ctx, proposal, m.Document);
        var key = GovernanceKeys.Commitment(proposal.Id, voter);
        var previous = ctx.State.Get<StoredCommitment>(key);
        if (previous is not null && previous.Commitment == m.Commitment)
        {
            throw new TxRejectedException(TxCode.Duplicate, "This commitment is already your recorded one.");
        }

        ctx.State.Put(key, new StoredCommitment(m.Commitment));
        if (previous is null)
        {
            ProposalStore.Put(ctx.State, proposal with { Voters = proposal.Voters + 1 });
        }
    }

    /// <summary>Opens the sender's commitment; refused when it does not match or was already opened.</summary>
    public static void Reveal(TxContext ctx, RevealVote m)
    {
        var proposal = ProposalStore.Require(ctx.State, m.Proposal);
        ProposalStore.RequireStatus(proposal, "reveal a vote", ProposalStatus.Revealing);
        var voter = RequireElector(ctx, proposal, proposal.Document.Hash);
        var commitment = ctx.State.Get<StoredCommitment>(GovernanceKeys.Commitment(proposal.Id, voter))
            ?? throw new TxRejectedException(TxCode.NotFound, "You made no commitment on this proposal.");
        var key = GovernanceKeys.Reveal(proposal.Id, voter);
        if (ctx.State.Contains(key))
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "Your vote is already revealed.");
        }

        ProposalBallots.Validate(proposal, m.Ballot, appeal: false);
        if (!Tallying.Reveal.Matches(commitment.Commitment, proposal.Id, voter, (ReadOnlySpan<byte>)m.Ballot, m.Salt))
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "The ballot and salt do not open your commitment.");
        }

        ctx.State.Put(key, new StoredReveal(m.Ballot, m.Salt));
    }

    /// <summary>The sender's member id, refusing non-electors and ballots bound to another document.</summary>
    private static Hash256 RequireElector(TxContext ctx, ProposalRecord proposal, Hash256 document)
    {
        var sender = ctx.RequireSender();
        if (!ctx.State.Contains(GovernanceKeys.Elector(proposal.Id, sender.Id)))
        {
            throw new TxRejectedException(
                TxCode.Unauthorized,
                $"You are not in this proposal's electorate, fixed when voting opened at height {proposal.VotingOpenedHeight} (verified active members of that moment).");
        }

        if (DisputesModule.VotingSuspendedAt(ctx.State, sender.Id, ctx.TimeMs) is { } suspension)
        {
            throw new TxRejectedException(
                TxCode.Unauthorized,
                $"Your right to vote is suspended until block time {suspension.UntilMs} ms by the decision of dispute {suspension.Dispute.ToShortString()}.");
        }

        if (document != proposal.Document.Hash)
        {
            throw new TxRejectedException(
                TxCode.InvalidArgument,
                $"The ballot binds to document {document.ToShortString()}; the pinned document is {proposal.Document.Hash.ToShortString()}.");
        }

        return sender.Id;
    }
}
