using Roundtable.Application.Governance.Proposals;

namespace Roundtable.Portal.Pages.Proposals;

/// <summary>
/// The stages a proposal goes through under its rule (deliberation, voting, revealing sealed votes,
/// the chair's call and its appeal window, the timelock, execution), with how long each lasts and
/// which one it is in now.
/// </summary>
internal static class ProposalTimeline
{
    public static IReadOnlyList<TimelineStage> Stages(ProposalRecord p)
    {
        var rule = p.Rule;
        var stages = new List<(string Key, ulong? DurationMs, ProposalStatus[] During)>
        {
            ("deliberation", rule.DeliberationMs, [ProposalStatus.Deliberation]),
            ("voting", rule.VotingMs, [ProposalStatus.Voting]),
        };
        if (p.Secret)
        {
            stages.Add(("revealing", rule.RevealMs, [ProposalStatus.Revealing]));
        }

        if (rule.Method == VotingMethod.Consensus)
        {
            stages.Add(("call", rule.CallMs, [ProposalStatus.AwaitingCall]));
            stages.Add(("appeal", rule.AppealWindowMs, [ProposalStatus.Called, ProposalStatus.AppealVoting]));
        }

        stages.Add(("timelock", rule.TimelockMs, [ProposalStatus.Passed]));
        stages.Add(("execution", null, [ProposalStatus.Executed, ProposalStatus.ExecutionFailed]));
        var result = stages.Select(s => new TimelineStage(s.Key, s.DurationMs, s.During.Contains(p.Status))).ToList();
        if (p.Status is ProposalStatus.Rejected or ProposalStatus.Withdrawn or ProposalStatus.Cancelled)
        {
            result.Add(new TimelineStage("ended", null, true));
        }

        return result;
    }
}

/// <summary>A stage: its language key suffix, how long it lasts (none for the last), and whether the proposal is in it.</summary>
internal sealed record TimelineStage(string Key, ulong? DurationMs, bool IsCurrent);
