using Roundtable.Application.Assessments;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.State;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>The counted result of a proposal's vote, as the tallying library reports it (breakdowns by group and region included). Exactly one result is set.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Electorate">The fixed electorate.</param>
/// <param name="Majority">Majority result.</param>
/// <param name="Balanced">Balanced result (also the vote on an appealed call).</param>
/// <param name="Approval">Approval result.</param>
/// <param name="Ranked">Schulze result.</param>
/// <param name="Consensus">Statements and rulings evaluated as if the chair called consensus now.</param>
/// <param name="Secret">Commitment and reveal totals, for a secret ballot.</param>
/// <param name="Grades">Majority judgment of an assessment's grade ballots (overall, per group and balanced, whatever its rule's method).</param>
public sealed record ProposalTallyReport(
    ProposalRecord Proposal,
    Electorate Electorate,
    MajorityResult? Majority = null,
    BalancedResult? Balanced = null,
    ApprovalResult? Approval = null,
    SchulzeResult? Ranked = null,
    ConsensusResult? Consensus = null,
    CommitmentSummary? Secret = null,
    MajorityJudgmentResult? Grades = null);

/// <summary>A decision: whether the proposal passed, why, and for a selection the winning option.</summary>
/// <param name="Passed">Passed.</param>
/// <param name="Outcome">A one-line account of the count.</param>
/// <param name="Winner">1 + the winning option, or 0.</param>
public sealed record ProposalDecision(bool Passed, string Outcome, uint Winner);

/// <summary>Counting a proposal's ballots with the tallying library.</summary>
public static class ProposalTally
{
    /// <summary>The current count (null before voting opened). Usable while voting is open; the tallies do not change state.</summary>
    public static ProposalTallyReport? Report(StateView state, ProposalRecord proposal)
    {
        var electorate = ProposalStore.Electorate(state, proposal.Id)?.ToElectorate();
        if (electorate is null)
        {
            return null;
        }

        var rule = proposal.Rule;
        var options = proposal.Options.Count;
        var report = new ProposalTallyReport(proposal, electorate);
        if (proposal.Status == ProposalStatus.AppealVoting || !proposal.Appellant.IsZero)
        {
            return report with
            {
                Balanced = BalancedTally.Tally(ProposalBallots.AppealBox(state, proposal, electorate), BalancedRules(rule)),
                Consensus = EvaluateConsensus(state, proposal, electorate),
            };
        }

        report = proposal.Secret ? report with { Secret = SecretSummary(state, proposal, electorate) } : report;
        if (proposal.Action is Assessment assessment)
        {
            return report with { Grades = MajorityJudgmentTally.Tally(ProposalBallots.Box<GradeBallot>(state, proposal, electorate), assessment.Criteria.Count, assessment.Grades.Count) };
        }

        return rule.Method switch
        {
            VotingMethod.Majority => report with { Majority = MajorityTally.Tally(ProposalBallots.Box<YesNoBallot>(state, proposal, electorate), new MajorityRules(rule.Quorum, rule.Threshold)) },
            VotingMethod.Balanced => report with { Balanced = BalancedTally.Tally(ProposalBallots.Box<YesNoBallot>(state, proposal, electorate), BalancedRules(rule)) },
            VotingMethod.Approval => report with { Approval = ApprovalTally.Tally(ProposalBallots.Box<ApprovalBallot>(state, proposal, electorate), options) },
            VotingMethod.BalancedApproval => report with { Approval = ApprovalTally.TallyBalanced(ProposalBallots.Box<ApprovalBallot>(state, proposal, electorate), options) },
            VotingMethod.Ranked => report with { Ranked = SchulzeTally.Tally(ProposalBallots.Box<RankedBallot>(state, proposal, electorate), options) },
            VotingMethod.BalancedRanked => report with { Ranked = SchulzeTally.TallyBalanced(ProposalBallots.Box<RankedBallot>(state, proposal, electorate), options) },
            _ => report with { Consensus = EvaluateConsensus(state, proposal, electorate) },
        };
    }

    /// <summary>Decides a closed vote of any method but consensus (decided by the chair's call).</summary>
    public static ProposalDecision Decide(StateView state, ProposalRecord proposal)
    {
        var report = Report(state, proposal) ?? throw new InvalidOperationException("Voting never opened.");
        var quorum = proposal.Rule.Quorum;
        if (report.Grades is { } grades)
        {
            return AssessmentOutcome.Decide(proposal, report.Electorate.Count, grades);
        }

        if (report.Majority is { } m)
        {
            return new ProposalDecision(m.Passed, $"majority: {m.Total.Yes} yes, {m.Total.No} no, {m.Total.Abstain} abstain of {m.Total.Electors} electors; quorum {(m.QuorumMet ? "met" : "not met")}, threshold {m.Rules.Threshold} {(m.ThresholdMet ? "met" : "not met")}.", 0);
        }

        if (report.Balanced is { } b)
        {
            return new ProposalDecision(b.Passed, $"balanced: support {b.BalancedSupport?.ToString() ?? "none"} over {b.GroupsCounted} group(s), threshold {b.Rules.Threshold} {(b.ThresholdMet ? "met" : "not met")}; {b.GroupsWithMajority} group(s) with their own majority, {b.Rules.RequiredGroups} required.", 0);
        }

        var electors = report.Electorate.Count;
        if (report.Approval is { } a)
        {
            var quorumMet = electors > 0 && Rational.Of(a.Voters, electors) >= quorum;
            var passed = quorumMet && a.Winner is not null;
            return new ProposalDecision(passed, $"{(a.Balanced ? "balanced approval" : "approval")}: {a.Voters} of {electors} voted; winner {Describe(proposal, a.Winner)}.", passed ? (uint)a.Winner!.Value + 1 : 0);
        }

        var r = report.Ranked ?? throw new InvalidOperationException("A consensus proposal is decided by its chair.");
        var rankedQuorum = electors > 0 && Rational.Of(r.Voters, electors) >= quorum;
        var won = rankedQuorum && r.Winner is not null;
        return new ProposalDecision(won, $"{(r.Balanced ? "balanced Schulze" : "Schulze")}: {r.Voters} of {electors} voted; winner {Describe(proposal, r.Winner)}.", won ? (uint)r.Winner!.Value + 1 : 0);
    }

    /// <summary>The balanced rules of a proposal's rule (group quorum = the rule's quorum when not zero).</summary>
    public static BalancedRules BalancedRules(ProposalRule rule) =>
        new(rule.Threshold, (int)rule.RequiredGroups, rule.QuorumNumerator == 0 ? null : rule.Quorum);

    private static ConsensusResult EvaluateConsensus(StateView state, ProposalRecord proposal, Electorate electorate)
    {
        var (statements, rulings) = ProposalBallots.Consensus(state, proposal, electorate);
        var call = proposal.CallRationale.Length > 0 ? proposal.CallRationale : "(no call yet: evaluated as a consensus call)";
        return RoughConsensus.Evaluate(statements, rulings, new ChairDecision(ChairCall.Consensus, call));
    }

    private static CommitmentSummary SecretSummary(StateView state, ProposalRecord proposal, Electorate electorate) => proposal.Rule.Method switch
    {
        _ when proposal.Action is Assessment => ProposalBallots.Opening<GradeBallot>(state, proposal, electorate).Summary,
        VotingMethod.Approval or VotingMethod.BalancedApproval => ProposalBallots.Opening<ApprovalBallot>(state, proposal, electorate).Summary,
        VotingMethod.Ranked or VotingMethod.BalancedRanked => ProposalBallots.Opening<RankedBallot>(state, proposal, electorate).Summary,
        _ => ProposalBallots.Opening<YesNoBallot>(state, proposal, electorate).Summary,
    };

    private static string Describe(ProposalRecord proposal, int? winner) =>
        winner is { } w ? $"option {w} ('{proposal.Options[w]}')" : "none";
}
