using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.State;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>Reading and writing proposals and their schedule in the state.</summary>
public static class ProposalStore
{
    /// <summary>The governance rules in force.</summary>
    public static GovernanceParameters Parameters(StateView state) =>
        state.Get<GovernanceParameters>(GovernanceKeys.Parameters) ?? GovernanceParameters.Default;

    /// <summary>A proposal, or null.</summary>
    public static ProposalRecord? Get(StateView state, Hash256 id) => state.Get<ProposalRecord>(GovernanceKeys.Proposal(id));

    /// <summary>A proposal; refuses when there is none.</summary>
    public static ProposalRecord Require(StateView state, Hash256 id) =>
        Get(state, id) ?? throw new TxRejectedException(TxCode.NotFound, $"No proposal {id.ToShortString()}.");

    /// <summary>Refuses unless the proposal is in one of <paramref name="allowed"/>.</summary>
    public static void RequireStatus(ProposalRecord proposal, string action, params ProposalStatus[] allowed)
    {
        if (!allowed.Contains(proposal.Status))
        {
            throw new TxRejectedException(
                TxCode.WrongPhase,
                $"Cannot {action}: proposal {proposal.Id.ToShortString()} is in {proposal.Status.Name()}, not {string.Join(" or ", allowed.Select(s => s.Name()))}.");
        }
    }

    /// <summary>The sender, who must be a verified member.</summary>
    public static MemberRecord RequireVerified(TxContext ctx, string action)
    {
        var sender = ctx.RequireSender();
        return sender.IsVerified
            ? sender
            : throw new TxRejectedException(TxCode.Unauthorized, $"Only verified members can {action}.");
    }

    /// <summary>Writes the proposal.</summary>
    public static void Put(StateView state, ProposalRecord proposal) => state.Put(GovernanceKeys.Proposal(proposal.Id), proposal);

    /// <summary>Writes the proposal with its next timed transition at <paramref name="dueMs"/>.</summary>
    public static ProposalRecord Schedule(StateView state, ProposalRecord proposal, ulong dueMs)
    {
        var scheduled = proposal with { DueMs = dueMs };
        Put(state, scheduled);
        var queue = state.Get<DueQueue>(GovernanceKeys.Due) ?? DueQueue.Empty;
        state.Put(GovernanceKeys.Due, queue.With(proposal.Id, dueMs));
        return scheduled;
    }

    /// <summary>Writes the proposal in a final status, off the schedule.</summary>
    public static ProposalRecord Finish(StateView state, ProposalRecord proposal, ProposalStatus status, string outcome)
    {
        var finished = proposal with { Status = status, DueMs = 0, Outcome = Clip(outcome) };
        Put(state, finished);
        var queue = state.Get<DueQueue>(GovernanceKeys.Due) ?? DueQueue.Empty;
        state.Put(GovernanceKeys.Due, queue.Without(proposal.Id));
        return finished;
    }

    /// <summary>A proposal's electorate; null before voting opened.</summary>
    public static ElectorateRecord? Electorate(StateView state, Hash256 id) => state.Get<ElectorateRecord>(GovernanceKeys.Electorate(id));

    /// <summary>Every record under <paramref name="prefix"/> with the voter id its key ends in.</summary>
    public static IReadOnlyList<(Hash256 Voter, T Value)> PerVoter<T>(StateView state, byte[] prefix)
        where T : class, ICanonical<T> =>
        [.. state.ScanPrefix(prefix).Select(e => (GovernanceKeys.VoterOf(e.Key), Canonical.FromBytes<T>(e.Value)))];

    /// <summary>Saturating addition for due times.</summary>
    public static ulong After(ulong timeMs, ulong periodMs) => ulong.MaxValue - timeMs < periodMs ? ulong.MaxValue : timeMs + periodMs;

    /// <summary>Cuts an outcome text to what the record keeps.</summary>
    public static string Clip(string text)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(text) <= ProposalRecord.MaxOutcomeBytes)
        {
            return text;
        }

        var cut = text[..Math.Min(text.Length, ProposalRecord.MaxOutcomeBytes / 4)];
        return char.IsHighSurrogate(cut[^1]) ? cut[..^1] : cut;
    }
}
