namespace Roundtable.Application.DataPractices;

/// <summary>How many organisations (distinct publishing members) store and process data in a region, over statements in force.</summary>
/// <param name="Region">The region's id.</param>
/// <param name="Storing">Organisations with a statement storing data there.</param>
/// <param name="Processing">Organisations with a statement processing data there.</param>
public sealed record RegionFigures(string Region, int Storing, int Processing)
{
    /// <summary>One row per region in <paramref name="regions"/> (in that order), counted over the statements in force among <paramref name="entries"/>.</summary>
    public static IReadOnlyList<RegionFigures> Count(IEnumerable<string> regions, IReadOnlyList<PracticeEntry> entries)
    {
        var inForce = entries.Where(e => e.Standing == PracticeStanding.InForce).ToList();
        return [.. regions.Select(region => new RegionFigures(
            region,
            Organisations(inForce, e => e.Current.Statement.StoredIn.Contains(region, StringComparer.Ordinal)),
            Organisations(inForce, e => e.Current.Statement.ProcessedIn.Contains(region, StringComparer.Ordinal))))];
    }

    private static int Organisations(IEnumerable<PracticeEntry> entries, Func<PracticeEntry, bool> names) =>
        entries.Where(names).Select(e => e.Head.Author).Distinct().Count();
}
