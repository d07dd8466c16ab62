using System.Collections.Immutable;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>Splits a ballot box by stakeholder group or by region, in ordinal key order.</summary>
internal static class Breakdown
{
    /// <summary>One entry per group that has electors (even when none of them voted).</summary>
    public static ImmutableSortedDictionary<string, TOut> ByGroup<TBallot, TOut>(
        BallotBox<TBallot> box, Func<int, ImmutableArray<CountedBallot<TBallot>>, TOut> summarize) =>
        By(box, box.Electorate.GroupSizes, static v => v.Group, summarize);

    /// <summary>One entry per region that has electors (even when none of them voted).</summary>
    public static ImmutableSortedDictionary<string, TOut> ByRegion<TBallot, TOut>(
        BallotBox<TBallot> box, Func<int, ImmutableArray<CountedBallot<TBallot>>, TOut> summarize) =>
        By(box, box.Electorate.RegionSizes, static v => v.Region, summarize);

    private static ImmutableSortedDictionary<string, TOut> By<TBallot, TOut>(
        BallotBox<TBallot> box,
        ImmutableSortedDictionary<string, int> sizes,
        Func<Voter, string> key,
        Func<int, ImmutableArray<CountedBallot<TBallot>>, TOut> summarize)
    {
        var buckets = new SortedDictionary<string, ImmutableArray<CountedBallot<TBallot>>.Builder>(StringComparer.Ordinal);
        foreach (var (name, _) in sizes)
        {
            buckets[name] = ImmutableArray.CreateBuilder<CountedBallot<TBallot>>();
        }

        foreach (var ballot in box.Ballots)
        {
            buckets[key(ballot.Voter)].Add(ballot);
        }

        var result = ImmutableSortedDictionary.CreateBuilder<string, TOut>(StringComparer.Ordinal);
        foreach (var (name, size) in sizes)
        {
            result[name] = summarize(size, buckets[name].ToImmutable());
        }

        return result.ToImmutable();
    }
}
