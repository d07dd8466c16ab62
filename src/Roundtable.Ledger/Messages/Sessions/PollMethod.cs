namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>How a session poll is counted. Numbers are wire format.</summary>
public enum PollMethod : byte
{
    /// <summary>Yes / no / abstain, one participant one vote, more yes than no wins.</summary>
    Majority = 1,

    /// <summary>Yes / no / abstain tallied per stakeholder group, every group weighing the same.</summary>
    Balanced = 2,

    /// <summary>Approve any subset of the options; most approvals wins.</summary>
    Approval = 3,

    /// <summary>Approval with every stakeholder group carrying equal total weight.</summary>
    BalancedApproval = 4,

    /// <summary>Rank the options; the Schulze method picks the winner.</summary>
    Ranked = 5,

    /// <summary>Schulze with every stakeholder group carrying equal total weight.</summary>
    BalancedRanked = 6,
}

/// <summary>Properties of <see cref="PollMethod"/> values.</summary>
public static class PollMethods
{
    /// <summary>True for a defined method.</summary>
    public static bool IsDefined(PollMethod method) => method is >= PollMethod.Majority and <= PollMethod.BalancedRanked;

    /// <summary>True for the yes / no methods, whose polls have no options.</summary>
    public static bool IsYesNo(PollMethod method) => method is PollMethod.Majority or PollMethod.Balanced;

    /// <summary>The method's name in the API, the CLI and reports.</summary>
    public static string Name(PollMethod method) => method switch
    {
        PollMethod.Majority => "majority",
        PollMethod.Balanced => "balanced",
        PollMethod.Approval => "approval",
        PollMethod.BalancedApproval => "balanced-approval",
        PollMethod.Ranked => "ranked",
        PollMethod.BalancedRanked => "balanced-ranked",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown poll method."),
    };

    /// <summary>The method called <paramref name="name"/>, or null.</summary>
    public static PollMethod? Parse(string name) => name switch
    {
        "majority" => PollMethod.Majority,
        "balanced" => PollMethod.Balanced,
        "approval" => PollMethod.Approval,
        "balanced-approval" => PollMethod.BalancedApproval,
        "ranked" => PollMethod.Ranked,
        "balanced-ranked" => PollMethod.BalancedRanked,
        _ => null,
    };
}
