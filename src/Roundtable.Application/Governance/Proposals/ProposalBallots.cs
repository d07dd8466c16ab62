using Roundtable.Application.Assessments;
using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.State;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>Decoding a proposal's ballots for its method and collecting them for the tallies.</summary>
public static class ProposalBallots
{
    /// <summary>Refuses a ballot encoding that is malformed or does not fit the proposal's question.</summary>
    public static void Validate(ProposalRecord proposal, byte[] ballot, bool appeal)
    {
        if (proposal.Action is Assessment assessment)
        {
            AssessmentRules.RequireFittingBallot(assessment, ballot);
            return;
        }

        try
        {
            switch (appeal ? VotingMethod.Balanced : proposal.Rule.Method)
            {
                case VotingMethod.Majority or VotingMethod.Balanced:
                    Canonical.FromBytes<YesNoBallot>(ballot);
                    break;
                case VotingMethod.Consensus:
                    Canonical.FromBytes<ConsensusStatement>(ballot);
                    break;
                case VotingMethod.Approval or VotingMethod.BalancedApproval:
                    var approval = Canonical.FromBytes<ApprovalBallot>(ballot);
                    if (approval.Approved.Length > 0 && approval.Approved[^1] >= proposal.Options.Count)
                    {
                        throw new TxRejectedException(TxCode.InvalidArgument, $"The ballot approves option {approval.Approved[^1]}; the proposal has {proposal.Options.Count} options.");
                    }

                    break;
                default:
                    var ranked = Canonical.FromBytes<RankedBallot>(ballot);
                    if (ranked.OptionCount != proposal.Options.Count)
                    {
                        throw new TxRejectedException(TxCode.InvalidArgument, $"The ballot ranks {ranked.OptionCount} options; the proposal has {proposal.Options.Count}.");
                    }

                    break;
            }
        }
        catch (DecodeException e)
        {
            throw new TxRejectedException(TxCode.Malformed, $"The ballot is not a valid {(appeal ? "yes/no" : proposal.Rule.Method.Name())} ballot: {e.Message}");
        }
    }

    /// <summary>
    /// Each elector's counted ballot: the stored open ballots, or for a secret ballot the reveals
    /// that open the elector's commitment (unrevealed commitments do not count).
    /// </summary>
    public static BallotBox<T> Box<T>(StateView state, ProposalRecord proposal, Electorate electorate)
        where T : ICanonical<T>
    {
        if (!proposal.Secret)
        {
            return BallotBox.FromLog(electorate, ProposalStore.PerVoter<StoredBallot>(state, GovernanceKeys.BallotPrefix(proposal.Id))
                .Select(b => new CastBallot<T>(b.Voter, Canonical.FromBytes<T>(b.Value.Encoded))));
        }

        return Opening<T>(state, proposal, electorate).Revealed;
    }

    /// <summary>The opening of a secret ballot (commitment and reveal totals by group and region).</summary>
    public static SecretBallotOpening<T> Opening<T>(StateView state, ProposalRecord proposal, Electorate electorate)
        where T : ICanonical<T>
    {
        var commitments = ProposalStore.PerVoter<StoredCommitment>(state, GovernanceKeys.CommitmentPrefix(proposal.Id))
            .Select(c => new CastBallot<Hash256>(c.Voter, c.Value.Commitment));
        var reveals = ProposalStore.PerVoter<StoredReveal>(state, GovernanceKeys.RevealPrefix(proposal.Id))
            .Select(r => new BallotReveal<T>(r.Voter, Canonical.FromBytes<T>(r.Value.Ballot), [.. r.Value.Salt]));
        return SecretBallot.Open(electorate, proposal.Id, commitments, reveals);
    }

    /// <summary>The ballots on an appealed consensus call.</summary>
    public static BallotBox<YesNoBallot> AppealBox(StateView state, ProposalRecord proposal, Electorate electorate) =>
        BallotBox.FromLog(electorate, ProposalStore.PerVoter<StoredBallot>(state, GovernanceKeys.AppealBallotPrefix(proposal.Id))
            .Select(b => new CastBallot<YesNoBallot>(b.Voter, Canonical.FromBytes<YesNoBallot>(b.Value.Encoded))));

    /// <summary>The consensus statements and the chair's current rulings.</summary>
    public static (BallotBox<ConsensusStatement> Statements, IReadOnlyList<ChairRuling> Rulings) Consensus(StateView state, ProposalRecord proposal, Electorate electorate) =>
        (Box<ConsensusStatement>(state, proposal, electorate),
         [.. ProposalStore.PerVoter<StoredRuling>(state, GovernanceKeys.RulingPrefix(proposal.Id))
            .Select(r => new ChairRuling(r.Voter, r.Value.ObjectionDigest, r.Value.Addressed ? ObjectionRuling.Addressed : ObjectionRuling.NotAddressed, r.Value.Rationale))]);
}
