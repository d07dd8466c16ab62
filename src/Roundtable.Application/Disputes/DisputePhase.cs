using Roundtable.Application.Governance.Proposals;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Disputes;

/// <summary>Where a dispute stands.</summary>
public enum DisputePhase
{
    /// <summary>Filed; the panel is drawn once the seed block is known.</summary>
    AwaitingPanel,

    /// <summary>Closed: too few eligible volunteers to seat a panel.</summary>
    NoPanel,

    /// <summary>The parties' statements.</summary>
    Statements,

    /// <summary>The panel deliberates; a decision may be recorded.</summary>
    Deliberation,

    /// <summary>Closed: the panel made no decision in time.</summary>
    Lapsed,

    /// <summary>Decided; a party may appeal.</summary>
    AppealWindow,

    /// <summary>Appealed: the balanced vote is open.</summary>
    Appealed,

    /// <summary>The remedy stands and waits for the transaction that carries it out.</summary>
    RemedyDue,

    /// <summary>Closed: the appeal vote rejected the remedy, which never executes.</summary>
    Overturned,

    /// <summary>Closed: the decision ordered nothing.</summary>
    Closed,

    /// <summary>Closed: the remedy was carried out.</summary>
    RemedyExecuted,
}

/// <summary>How a dispute's phase follows from its record, the block time and its appeal vote.</summary>
public static class DisputePhases
{
    /// <summary>The phase of <paramref name="dispute"/> at block time <paramref name="nowMs"/>, given the status of its appeal vote if there is one.</summary>
    public static DisputePhase Of(DisputeRecord dispute, ulong nowMs, ProposalStatus? appeal)
    {
        if (dispute.Panel is not { } panel)
        {
            return DisputePhase.AwaitingPanel;
        }

        if (!panel.Sits)
        {
            return DisputePhase.NoPanel;
        }

        if (dispute.Decision is not { } decision)
        {
            return nowMs < dispute.StatementsEndMs ? DisputePhase.Statements
                : nowMs < dispute.DecisionDeadlineMs ? DisputePhase.Deliberation
                : DisputePhase.Lapsed;
        }

        if (dispute.RemedyHeight > 0)
        {
            return DisputePhase.RemedyExecuted;
        }

        var stands = decision.Remedy.Kind == RemedyKind.OrderNothing ? DisputePhase.Closed : DisputePhase.RemedyDue;
        return appeal switch
        {
            // A withdrawn appeal leaves the decision as it was.
            ProposalStatus.Passed or ProposalStatus.Executed or ProposalStatus.Withdrawn => stands,
            { } status when status.IsFinal() => DisputePhase.Overturned,
            not null => DisputePhase.Appealed,
            null => nowMs < dispute.AppealEndMs ? DisputePhase.AppealWindow : stands,
        };
    }

    /// <summary>The phase's name as the API writes it ("appeal-window", "remedy-due", …).</summary>
    public static string Name(this DisputePhase phase) => phase switch
    {
        DisputePhase.AwaitingPanel => "awaiting-panel",
        DisputePhase.NoPanel => "no-panel",
        DisputePhase.Statements => "statements",
        DisputePhase.Deliberation => "deliberation",
        DisputePhase.Lapsed => "lapsed",
        DisputePhase.AppealWindow => "appeal-window",
        DisputePhase.Appealed => "appealed",
        DisputePhase.RemedyDue => "remedy-due",
        DisputePhase.Overturned => "overturned",
        DisputePhase.Closed => "closed",
        _ => "remedy-executed",
    };
}
