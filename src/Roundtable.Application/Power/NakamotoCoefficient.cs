namespace Roundtable.Application.Power;

/// <summary>
/// The fewest holders (validators, stakeholder groups or regions) whose combined power can halt the
/// chain and can commit on their own (<see cref="PowerThreshold"/>). Taking the largest holders first
/// is optimal, so the coalitions are the largest holders in order of power (ties by name).
/// </summary>
/// <param name="ToHalt">Fewest holders with 3·P ≥ T; null when nobody holds power.</param>
/// <param name="ToCommit">Fewest holders with 3·P &gt; 2·T; null when nobody holds power.</param>
/// <param name="Largest">The <paramref name="ToCommit"/> largest holders, largest first: the first <paramref name="ToHalt"/> of them can halt.</param>
public sealed record NakamotoCoefficient(int? ToHalt, int? ToCommit, IReadOnlyList<string> Largest)
{
    /// <summary>The coefficients of <paramref name="holders"/>, each holding <see cref="Share.Amount"/> of the power.</summary>
    public static NakamotoCoefficient Of(IReadOnlyList<Share> holders)
    {
        var ordered = holders.Where(h => h.Amount > 0)
            .OrderByDescending(h => h.Amount)
            .ThenBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var total = ordered.Aggregate(0UL, static (sum, h) => checked(sum + h.Amount));
        int? toHalt = null;
        int? toCommit = null;
        ulong power = 0;
        for (var i = 0; i < ordered.Count && toCommit is null; i++)
        {
            power += ordered[i].Amount;
            if (toHalt is null && PowerThreshold.CanHalt(power, total))
            {
                toHalt = i + 1;
            }

            if (PowerThreshold.CanCommit(power, total))
            {
                toCommit = i + 1;
            }
        }

        return new NakamotoCoefficient(toHalt, toCommit, [.. ordered.Take(toCommit ?? 0).Select(h => h.Name)]);
    }
}
