namespace Roundtable.Application.Governance.Tallying;

/// <summary>Bounds shared by the multi-option methods.</summary>
public static class BallotLimits
{
    /// <summary>Most options a best-practice selection (approval or ranked) may offer.</summary>
    public const int MaxOptions = 64;

    internal static void CheckOptionCount(int optionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(optionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(optionCount, MaxOptions);
    }
}
