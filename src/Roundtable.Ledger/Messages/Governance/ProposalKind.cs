namespace Roundtable.Ledger.Messages.Governance;

/// <summary>What a proposal decides. Numbers are part of the wire format.</summary>
public enum ProposalKind : byte
{
    /// <summary>A recommendation: the pinned document is adopted.</summary>
    Recommendation = 1,

    /// <summary>A best-practice selection among 2..64 options.</summary>
    BestPractice = 2,

    /// <summary>New chain and/or governance parameter values.</summary>
    ParameterChange = 3,

    /// <summary>A new validator set.</summary>
    ValidatorChange = 4,

    /// <summary>An approved software version and the height at which the old software halts.</summary>
    SoftwareUpgrade = 5,

    /// <summary>Fast track: pause a module for a bounded time and/or cancel a passed proposal before it executes.</summary>
    EmergencyPause = 6,

    /// <summary>Revoke or supersede an anchor of the notary, which otherwise only its author may.</summary>
    AnchorWithdrawal = 7,

    /// <summary>Create a co-governed DNS zone, change its policy, or retire it.</summary>
    ZoneChange = 8,

    /// <summary>The balanced vote on an appealed dispute decision (opened by the appeal, not submitted).</summary>
    DisputeAppeal = 9,

    /// <summary>An assessment of an anchored subject: every elector grades each criterion of an adopted list; majority judgment gives the result.</summary>
    Assessment = 10,
}
