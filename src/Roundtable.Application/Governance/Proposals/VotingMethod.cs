namespace Roundtable.Application.Governance.Proposals;

/// <summary>How a proposal is decided. Numbers are part of the parameters' encoding.</summary>
public enum VotingMethod : byte
{
    /// <summary>Yes / no / abstain, one member one vote, quorum and threshold.</summary>
    Majority = 1,

    /// <summary>Yes / no / abstain counted per stakeholder group, every group weighing the same.</summary>
    Balanced = 2,

    /// <summary>RFC 7282 rough consensus: statements, the chair's rulings and call, appeal.</summary>
    Consensus = 3,

    /// <summary>Approval among options.</summary>
    Approval = 4,

    /// <summary>Approval among options, every group carrying equal total weight.</summary>
    BalancedApproval = 5,

    /// <summary>Ranked ballots counted by Schulze.</summary>
    Ranked = 6,

    /// <summary>Ranked ballots counted by Schulze, every group carrying equal total weight.</summary>
    BalancedRanked = 7,
}

/// <summary>Properties of the methods.</summary>
public static class VotingMethods
{
    /// <summary>True for the methods that choose among options (best-practice selections).</summary>
    public static bool ChoosesAmongOptions(this VotingMethod method) =>
        method is VotingMethod.Approval or VotingMethod.BalancedApproval or VotingMethod.Ranked or VotingMethod.BalancedRanked;

    /// <summary>True for the yes / no methods.</summary>
    public static bool IsYesNo(this VotingMethod method) => method is VotingMethod.Majority or VotingMethod.Balanced;

    /// <summary>The lower-case name used in documents, the API and the CLI.</summary>
    public static string Name(this VotingMethod method) => method switch
    {
        VotingMethod.Majority => "majority",
        VotingMethod.Balanced => "balanced",
        VotingMethod.Consensus => "consensus",
        VotingMethod.Approval => "approval",
        VotingMethod.BalancedApproval => "balanced-approval",
        VotingMethod.Ranked => "ranked",
        VotingMethod.BalancedRanked => "balanced-ranked",
        _ => "unknown",
    };
}
