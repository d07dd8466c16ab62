using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>The chair's part in a consensus decision (rulings on objections, the call) and the objectors' appeal.</summary>
public static class ConsensusChair
{
    /// <summary>Records the chair's ruling on an objector's current objection.</summary>
    public static void Rule(TxContext ctx, RuleOnObjection m)
    {
        var proposal = RequireChairOf(ctx, m.Proposal, "rule on objections");
        ProposalStore.RequireStatus(proposal, "rule on an objection", ProposalStatus.Voting, ProposalStatus.AwaitingCall);
        var statement = CurrentStatement(ctx, proposal, m.Objector);
        if (statement is not { Position: ConsensusPosition.Object })
        {
            throw new TxRejectedException(TxCode.NotFound, $"Member {m.Objector.ToShortString()} has no standing objection.");
        }

        if (statement.ObjectionDigest != m.ObjectionDigest)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"The objection now reads differently (digest {statement.ObjectionDigest.ToShortString()}); rule on its current wording.");
        }

        ctx.State.Put(GovernanceKeys.Ruling(proposal.Id, m.Objector), new StoredRuling(m.ObjectionDigest, m.Addressed, m.Rationale));
    }

    /// <summary>
    /// Records the chair's call. "No consensus" rejects the proposal. "Consensus" stands only when
    /// the record allows it (every objection ruled addressed, at least one supporter); otherwise
    /// the call is refused with the reason. A standing call opens the appeal window.
    /// </summary>
    public static void Call(TxContext ctx, CallConsensus m)
    {
        var proposal = RequireChairOf(ctx, m.Proposal, "make the call");
        ProposalStore.RequireStatus(proposal, "call consensus", ProposalStatus.AwaitingCall);
        var electorate = ProposalStore.Electorate(ctx.State, proposal.Id)!.ToElectorate();
        var (statements, rulings) = ProposalBallots.Consensus(ctx.State, proposal, electorate);
        var result = RoughConsensus.Evaluate(statements, rulings, new ChairDecision(m.Consensus ? ChairCall.Consensus : ChairCall.NoConsensus, m.Rationale));
        var counts = $"{result.Total.Support} support, {result.Total.StandAside} stand aside, {result.Total.Object} object ({result.Total.Unaddressed} not addressed)";
        switch (result.Outcome)
        {
            case ConsensusOutcome.NoConsensus:
                ProposalStore.Finish(ctx.State, proposal with { CallRationale = m.Rationale }, ProposalStatus.Rejected, $"consensus: the chair called no consensus ({counts}).");
                break;
            case ConsensusOutcome.Consensus:
                ProposalStore.Schedule(ctx.State, proposal with { Status = ProposalStatus.Called, CallRationale = m.Rationale, Outcome = $"consensus called ({counts})." }, ProposalStore.After(ctx.TimeMs, proposal.Rule.AppealWindowMs));
                break;
            default:
                var why = string.Join("; ", result.Defects.Select(d => d == ConsensusDefect.UnaddressedObjection
                    ? $"{result.Total.Unaddressed} objection(s) are not ruled addressed"
                    : "nobody supports the proposal"));
                throw new TxRejectedException(TxCode.InvalidArgument, $"A consensus call cannot stand: {why} ({counts}).");
        }
    }

    /// <summary>An objector appeals a consensus call within the window: a balanced vote on the call opens.</summary>
    public static void Appeal(TxContext ctx, AppealCall m)
    {
        var sender = ctx.RequireSender();
        var proposal = ProposalStore.Require(ctx.State, m.Proposal);
        ProposalStore.RequireStatus(proposal, "appeal", ProposalStatus.Called);
        if (CurrentStatement(ctx, proposal, sender.Id) is not { Position: ConsensusPosition.Object })
        {
            throw new TxRejectedException(TxCode.Unauthorized, "Only a member whose final statement is an objection can appeal the call.");
        }

        ctx.State.Put(GovernanceKeys.Comment(proposal.Id, proposal.Comments), new CommentRecord(sender.Id, ctx.TimeMs, "Appeal: " + m.Reason));
        ProposalStore.Schedule(
            ctx.State,
            proposal with { Status = ProposalStatus.AppealVoting, Appellant = sender.Id, Comments = proposal.Comments + 1 },
            ProposalStore.After(ctx.TimeMs, proposal.Rule.VotingMs));
    }

    private static ProposalRecord RequireChairOf(TxContext ctx, Hash256 id, string action)
    {
        var sender = ctx.RequireSender();
        var proposal = ProposalStore.Require(ctx.State, id);
        if (proposal.Rule.Method != VotingMethod.Consensus)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"Proposal {id.ToShortString()} is decided by {proposal.Rule.Method.Name()}, not by consensus.");
        }

        return sender.Id == proposal.Chair ? proposal : throw new TxRejectedException(TxCode.Unauthorized, $"Only the chair can {action}.");
    }

    private static ConsensusStatement? CurrentStatement(TxContext ctx, ProposalRecord proposal, Hash256 member) =>
        ctx.State.Get<StoredBallot>(GovernanceKeys.Ballot(proposal.Id, member)) is { } b ? Canonical.FromBytes<ConsensusStatement>(b.Encoded) : null;
}
