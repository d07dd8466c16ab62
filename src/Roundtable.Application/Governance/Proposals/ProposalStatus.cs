namespace Roundtable.Application.Governance.Proposals;

/// <summary>Where a proposal is in its lifecycle. Numbers are part of the state encoding.</summary>
public enum ProposalStatus : byte
{
    /// <summary>Comments, amendments and sponsors; the author may withdraw.</summary>
    Deliberation = 1,

    /// <summary>The electorate is fixed; ballots (or commitments) are accepted.</summary>
    Voting = 2,

    /// <summary>Secret ballot: commitments closed, reveals accepted.</summary>
    Revealing = 3,

    /// <summary>Consensus: the vote closed; the chair rules on objections and makes the call.</summary>
    AwaitingCall = 4,

    /// <summary>Consensus: the chair called consensus; objectors may appeal until the window closes.</summary>
    Called = 5,

    /// <summary>Consensus: the call was appealed; a balanced vote on the call is open.</summary>
    AppealVoting = 6,

    /// <summary>Passed; waits for its timelock.</summary>
    Passed = 7,

    /// <summary>Did not pass (or lapsed without sponsors, or the chair made no call).</summary>
    Rejected = 8,

    /// <summary>Passed and carried out.</summary>
    Executed = 9,

    /// <summary>Passed, but the effect was refused at execution (the reason is recorded).</summary>
    ExecutionFailed = 10,

    /// <summary>Withdrawn by its author before voting.</summary>
    Withdrawn = 11,

    /// <summary>Cancelled during its timelock by an emergency proposal.</summary>
    Cancelled = 12,
}

/// <summary>Names of the statuses.</summary>
public static class ProposalStatuses
{
    /// <summary>The lower-case name used by the API and the CLI.</summary>
    public static string Name(this ProposalStatus status) => status switch
    {
        ProposalStatus.Deliberation => "deliberation",
        ProposalStatus.Voting => "voting",
        ProposalStatus.Revealing => "revealing",
        ProposalStatus.AwaitingCall => "awaiting-call",
        ProposalStatus.Called => "called",
        ProposalStatus.AppealVoting => "appeal-voting",
        ProposalStatus.Passed => "passed",
        ProposalStatus.Rejected => "rejected",
        ProposalStatus.Executed => "executed",
        ProposalStatus.ExecutionFailed => "execution-failed",
        ProposalStatus.Withdrawn => "withdrawn",
        ProposalStatus.Cancelled => "cancelled",
        _ => "unknown",
    };

    /// <summary>True when nothing more happens to the proposal.</summary>
    public static bool IsFinal(this ProposalStatus status) =>
        status is ProposalStatus.Rejected or ProposalStatus.Executed or ProposalStatus.ExecutionFailed or ProposalStatus.Withdrawn or ProposalStatus.Cancelled;
}
