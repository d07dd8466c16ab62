using Roundtable.Application.Names;
using Roundtable.Application.Notary;
using Roundtable.Application.Parameters;
using Roundtable.Application.State;
using Roundtable.Application.Validators;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>
/// What a passed proposal does when its timelock ends, and the same checks run at submission so
/// that a proposal that could never execute is refused early. Every effect is checked again at
/// execution against the state of that moment; a refused effect marks the proposal "execution
/// failed" with the reason.
/// </summary>
public static class ProposalEffects
{
    /// <summary>Null when <paramref name="action"/> could execute on <paramref name="state"/> at <paramref name="height"/>; otherwise why not.</summary>
    public static string? Check(StateView state, ProposalAction action, ulong height) => action switch
    {
        ParameterChange p => CheckParameters(state, p, out _, out _),
        ValidatorChange v => CheckValidators(state, v, out _),
        SoftwareUpgrade u => u.HaltHeight > height ? null : $"the halt height {u.HaltHeight} is not after the current height {height}",
        EmergencyPause e => CheckEmergency(state, e, height),
        AnchorWithdrawal w => NotaryModule.CheckWithdrawalByProposal(state, w),
        ZoneChange z => NamesModule.CheckZoneChange(state, z, (state.Get<ChainParameters>(StateKeys.Parameters) ?? throw new InvalidOperationException("State has no parameters.")).HasGroup),
        _ => null,
    };

    /// <summary>Carries out a passed proposal. Returns null on success, or the reason it was refused; a validator set to schedule is returned through <paramref name="validators"/>.</summary>
    public static string? Execute(StateView state, ProposalRecord proposal, ulong height, ulong timeMs, out ValidatorSet? validators)
    {
        validators = null;
        var problem = Check(state, proposal.Action, height);
        if (problem is not null)
        {
            return problem;
        }

        switch (proposal.Action)
        {
            case ParameterChange p:
                CheckParameters(state, p, out var chain, out var governance);
                if (chain is not null)
                {
                    state.Put(StateKeys.Parameters, chain);
                }

                if (governance is not null)
                {
                    state.Put(GovernanceKeys.Parameters, governance);
                }

                break;
            case ValidatorChange v:
                CheckValidators(state, v, out validators);
                break;
            case SoftwareUpgrade u:
                state.Put(GovernanceKeys.Upgrade, new UpgradePlan(u.Version, u.VersionHash, u.HaltHeight, proposal.Id));
                break;
            case EmergencyPause e:
                if (e.Module.Length > 0)
                {
                    state.Put(GovernanceKeys.Pause(e.Module), new ModulePause(ProposalStore.After(timeMs, e.DurationMs), proposal.Id));
                }

                if (!e.Cancel.IsZero && ProposalStore.Get(state, e.Cancel) is { } target)
                {
                    if (target.Status == ProposalStatus.Passed)
                    {
                        ProposalStore.Finish(state, target, ProposalStatus.Cancelled, $"Cancelled during its timelock by emergency proposal {proposal.Id.ToShortString()}.");
                    }
                    else if (IsPendingUpgrade(state, target, height))
                    {
                        state.Delete(GovernanceKeys.Upgrade);
                        ProposalStore.Finish(state, target, ProposalStatus.Cancelled, $"Upgrade cancelled before its halt height by emergency proposal {proposal.Id.ToShortString()}; nodes go on past that height.");
                    }
                }

                break;
            case AnchorWithdrawal w:
                NotaryModule.WithdrawByProposal(state, w, proposal.Id, height);
                break;
            case ZoneChange z:
                NamesModule.ApplyZoneChange(state, z, height);
                break;
        }

        return null;
    }

    private static string? CheckParameters(StateView state, ParameterChange change, out ChainParameters? chain, out GovernanceParameters? governance)
    {
        chain = null;
        governance = null;
        try
        {
            chain = change.ChainParameters.Length == 0 ? null : Canonical.FromBytes<ChainParameters>(change.ChainParameters);
            governance = change.GovernanceParameters.Length == 0 ? null : Canonical.FromBytes<GovernanceParameters>(change.GovernanceParameters);
        }
        catch (DecodeException e)
        {
            return "the new parameters are refused: " + e.Message;
        }

        if (chain is null)
        {
            return null;
        }

        foreach (var key in new[] { StateKeys.Validators, StateKeys.NextValidators })
        {
            var set = state.Get<ValidatorSetRecord>(key)?.Set;
            var policy = set is null ? null : ValidatorSetPolicy.Check(set, chain);
            if (policy is not null)
            {
                return "the current validators would break the new parameters: " + policy;
            }
        }

        return null;
    }

    private static string? CheckValidators(StateView state, ValidatorChange change, out ValidatorSet? set)
    {
        set = null;
        try
        {
            set = new ValidatorSet(StakeholderPower.Assign(change.Validators));
        }
        catch (ArgumentException e)
        {
            return "the validator set is refused: " + e.Message;
        }

        var parameters = state.Get<ChainParameters>(StateKeys.Parameters) ?? throw new InvalidOperationException("State has no parameters.");
        var problem = ValidatorSetPolicy.Check(set, parameters);
        if (problem is not null)
        {
            set = null;
            return "the validator set is refused: " + problem;
        }

        return null;
    }

    private static string? CheckEmergency(StateView state, EmergencyPause pause, ulong height)
    {
        if (pause.Module.Length > 0)
        {
            if (!PausableModules.Names.Contains(pause.Module))
            {
                return $"module '{pause.Module}' cannot be paused (pausable: {string.Join(", ", PausableModules.Names)})";
            }

            var max = ProposalStore.Parameters(state).MaxPauseMs;
            if (pause.DurationMs > max)
            {
                return $"a pause lasts at most {max} ms";
            }
        }

        if (!pause.Cancel.IsZero)
        {
            var target = ProposalStore.Get(state, pause.Cancel);
            if (target is null || (target.Status.IsFinal() && !IsPendingUpgrade(state, target, height)))
            {
                return $"proposal {pause.Cancel.ToShortString()} does not exist or is already closed (an executed upgrade can be cancelled only while its halt height is ahead)";
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="proposal"/> is the executed upgrade whose plan is in force and
    /// whose halt height is still ahead: the one closed proposal the emergency path may cancel,
    /// because nothing has happened yet that cancelling would undo.
    /// </summary>
    private static bool IsPendingUpgrade(StateView state, ProposalRecord proposal, ulong height) =>
        proposal.Status == ProposalStatus.Executed
        && state.Get<UpgradePlan>(GovernanceKeys.Upgrade) is { } plan
        && plan.Proposal == proposal.Id
        && plan.HaltHeight > height;
}
