using Roundtable.Application.DataPractices;
using Roundtable.Application.Disputes;
using Roundtable.Application.Execution;
using Roundtable.Application.Names;
using Roundtable.Application.Notary;
using Roundtable.Application.PersonalData;
using Roundtable.Application.Sessions;
using Roundtable.Application.State;
using Roundtable.Application.WorkingGroups;
using Roundtable.Ledger.Messages;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>
/// The modules an emergency proposal may pause, by message-type range. Governance itself is never
/// paused: the emergency path and the proposals that undo a pause must always run.
/// </summary>
public static class PausableModules
{
    /// <summary>The module names that can be paused.</summary>
    public static IReadOnlyList<string> Names { get; } = ["members", "sessions", "working-groups", "notary", "names", "disputes", "data-practices"];

    /// <summary>
    /// The pausable module a message belongs to, or null. Withdrawing a personal field is never
    /// paused: a member may take back their personal data at any time (docs/personal-data.md).
    /// </summary>
    public static string? Of(MessageType type) =>
        PersonalDataModule.Handles(type) ? null
        : (ushort)type is >= 1 and <= 15 ? "members"
        : SessionsModule.Handles(type) ? "sessions"
        : WorkingGroupsModule.Handles(type) ? "working-groups"
        : NotaryModule.Handles(type) ? "notary"
        : NamesModule.Handles(type) ? "names"
        : DisputesModule.Handles(type) ? "disputes"
        : DataPracticesModule.Handles(type) ? "data-practices"
        : null;

    /// <summary>Refuses a message of a module paused at <paramref name="timeMs"/>.</summary>
    public static void RefuseIfPaused(StateView state, MessageType type, ulong timeMs)
    {
        var module = Of(type);
        if (module is not null && state.Get<ModulePause>(GovernanceKeys.Pause(module)) is { } pause && pause.UntilMs > timeMs)
        {
            throw new TxRejectedException(
                TxCode.ModulePaused,
                $"The {module} module is paused by emergency proposal {pause.Proposal.ToShortString()} until block time {pause.UntilMs} ms.");
        }
    }
}
