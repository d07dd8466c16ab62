using Roundtable.Application.Members;
using Roundtable.Application.State;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>
/// The timed transitions, run in the begin-block phase: every entry of the due queue whose time
/// has come, in order of due time then proposal id. A transition may schedule the next one; one
/// already due runs in the same block.
/// </summary>
public static class ProposalClock
{
    /// <summary>Runs the due transitions at block <paramref name="height"/> with time <paramref name="timeMs"/>; returns a validator set to schedule, if a validator change executed.</summary>
    public static ValidatorSet? Advance(StateView state, ulong height, ulong timeMs)
    {
        ValidatorSet? validators = null;
        while ((state.Get<DueQueue>(GovernanceKeys.Due) ?? DueQueue.Empty).Entries is [var next, ..] && next.DueMs <= timeMs)
        {
            var proposal = ProposalStore.Get(state, next.Proposal) ?? throw new InvalidOperationException($"Due queue names missing proposal {next.Proposal}.");
            validators = Step(state, proposal, height, timeMs) ?? validators;
        }

        return validators;
    }

    private static ValidatorSet? Step(StateView state, ProposalRecord proposal, ulong height, ulong timeMs)
    {
        var rule = proposal.Rule;
        switch (proposal.Status)
        {
            case ProposalStatus.Deliberation when proposal.Sponsors.Count < rule.SponsorsRequired:
                ProposalStore.Finish(state, proposal, ProposalStatus.Rejected, $"Lapsed: {proposal.Sponsors.Count} of {rule.SponsorsRequired} sponsors when deliberation ended.");
                break;
            case ProposalStatus.Deliberation:
                var electorate = FixElectorate(state);
                state.Put(GovernanceKeys.Electorate(proposal.Id), electorate);
                foreach (var elector in electorate.Electors)
                {
                    state.Put(GovernanceKeys.Elector(proposal.Id, elector.Member), new ElectorMark(elector.Group, elector.Region));
                }

                ProposalStore.Schedule(state, proposal with { Status = ProposalStatus.Voting, VotingOpenedHeight = height }, ProposalStore.After(timeMs, rule.VotingMs));
                break;
            case ProposalStatus.Voting when proposal.Secret:
                ProposalStore.Schedule(state, proposal with { Status = ProposalStatus.Revealing }, ProposalStore.After(timeMs, rule.RevealMs));
                break;
            case ProposalStatus.Voting or ProposalStatus.Revealing when rule.Method == VotingMethod.Consensus:
                ProposalStore.Schedule(state, proposal with { Status = ProposalStatus.AwaitingCall }, ProposalStore.After(timeMs, rule.CallMs));
                break;
            case ProposalStatus.Voting or ProposalStatus.Revealing:
                var decision = ProposalTally.Decide(state, proposal);
                Decide(state, proposal with { Winner = decision.Winner }, decision.Passed, decision.Outcome, timeMs);
                break;
            case ProposalStatus.AwaitingCall:
                ProposalStore.Finish(state, proposal, ProposalStatus.Rejected, "consensus: the chair made no call in time.");
                break;
            case ProposalStatus.Called:
                Decide(state, proposal, true, proposal.Outcome + " Not appealed.", timeMs);
                break;
            case ProposalStatus.AppealVoting:
                var report = ProposalTally.Report(state, proposal)!.Balanced!;
                var account = $"appeal vote on the call: support {report.BalancedSupport?.ToString() ?? "none"}, {report.GroupsWithMajority} group(s) with their own majority.";
                Decide(state, proposal, report.Passed, (report.Passed ? "Call upheld; " : "Call overturned; ") + account, timeMs);
                break;
            case ProposalStatus.Passed:
                var failure = ProposalEffects.Execute(state, proposal, height, timeMs, out var validators);
                ProposalStore.Finish(state, ProposalStore.Get(state, proposal.Id)!, failure is null ? ProposalStatus.Executed : ProposalStatus.ExecutionFailed, failure is null ? proposal.Outcome : "Execution failed: " + failure + ".");
                return validators;
            default:
                throw new InvalidOperationException($"Proposal {proposal.Id} is due in status {proposal.Status}.");
        }

        return null;
    }

    private static void Decide(StateView state, ProposalRecord proposal, bool passed, string outcome, ulong timeMs)
    {
        if (passed)
        {
            ProposalStore.Schedule(state, proposal with { Status = ProposalStatus.Passed, Outcome = ProposalStore.Clip(outcome) }, ProposalStore.After(timeMs, proposal.Rule.TimelockMs));
        }
        else
        {
            ProposalStore.Finish(state, proposal, ProposalStatus.Rejected, outcome);
        }
    }

    /// <summary>The verified, active members of this moment, with their group and region.</summary>
    private static ElectorateRecord FixElectorate(StateView state) =>
        new([.. state.ScanPrefix("member/"u8.ToArray())
            .Select(e => Canonical.FromBytes<MemberRecord>(e.Value))
            .Where(m => m.IsVerified && m.IsActive)
            .Select(m => new ElectorEntry(m.Id, m.StakeholderGroup, m.Region))
            .OrderBy(e => e.Member)]);
}
