using Roundtable.Application.Execution;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>Governance proposals (message types 16–47): dispatch to the handlers. Pure: reads and writes only the state view.</summary>
public static class GovernanceModule
{
    /// <summary>True for the messages this module executes.</summary>
    public static bool Handles(TxMessage message) => (ushort)message.Type is >= 16 and <= 47;

    /// <summary>Executes one governance message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        switch (message)
        {
            case SubmitProposal m: ProposalDeliberation.Submit(ctx, m); break;
            case CommentOnProposal m: ProposalDeliberation.Comment(ctx, m); break;
            case ProposeAmendment m: ProposalDeliberation.Amend(ctx, m); break;
            case ResolveAmendment m: ProposalDeliberation.Resolve(ctx, m); break;
            case SponsorProposal m: ProposalDeliberation.Sponsor(ctx, m); break;
            case WithdrawProposal m: ProposalDeliberation.Withdraw(ctx, m); break;
            case CastVote m: ProposalVoting.Cast(ctx, m); break;
            case CommitVote m: ProposalVoting.Commit(ctx, m); break;
            case RevealVote m: ProposalVoting.Reveal(ctx, m); break;
            case RuleOnObjection m: ConsensusChair.Rule(ctx, m); break;
            case CallConsensus m: ConsensusChair.Call(ctx, m); break;
            case AppealCall m: ConsensusChair.Appeal(ctx, m); break;
            default: throw new TxRejectedException(TxCode.InvalidArgument, $"The governance module does not handle {message.Type}.");
        }
    }
}
