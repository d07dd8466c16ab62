using System.Collections.Immutable;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>A ballot as it appears in the ballot log: who cast it and what it says.</summary>
/// <typeparam name="TBallot">The ballot type of the voting method.</typeparam>
/// <param name="Voter">The member id of the voter.</param>
/// <param name="Ballot">The ballot.</param>
public readonly record struct CastBallot<TBallot>(Hash256 Voter, TBallot Ballot);

/// <summary>A final ballot of an elector, as the tallies read it.</summary>
/// <typeparam name="TBallot">The ballot type of the voting method.</typeparam>
/// <param name="Voter">The elector (with group and region).</param>
/// <param name="Ballot">The elector's last ballot.</param>
public readonly record struct CountedBallot<TBallot>(Voter Voter, TBallot Ballot);

/// <summary>
/// The ballots a tally counts: at most one per elector, the last one that elector cast, sorted by
/// member id. Every tally reads ballots in this order, so no result depends on the order in which
/// ballots arrived, only on which ballot is each elector's last.
/// </summary>
/// <typeparam name="TBallot">The ballot type of the voting method.</typeparam>
public sealed class BallotBox<TBallot>
{
    internal BallotBox(Electorate electorate, ImmutableArray<CountedBallot<TBallot>> ballots, int superseded, int ignored)
    {
        Electorate = electorate;
        Ballots = ballots;
        Superseded = superseded;
        Ignored = ignored;
    }

    /// <summary>The fixed electorate the ballots were checked against.</summary>
    public Electorate Electorate { get; }

    /// <summary>One final ballot per elector who voted, sorted by member id.</summary>
    public ImmutableArray<CountedBallot<TBallot>> Ballots { get; }

    /// <summary>Number of electors who voted.</summary>
    public int Count => Ballots.Length;

    /// <summary>Earlier ballots replaced by a later ballot of the same elector (re-votes).</summary>
    public int Superseded { get; }

    /// <summary>Ballots from members outside the electorate, not counted.</summary>
    public int Ignored { get; }
}

/// <summary>Builds <see cref="BallotBox{TBallot}"/>s.</summary>
public static class BallotBox
{
    /// <summary>
    /// Reduces a ballot log, in the order the ballots were cast (block height, then position in
    /// the block), to final ballots: a ballot from a member outside <paramref name="electorate"/>
    /// is ignored, and a later ballot of the same elector replaces the earlier one.
    /// </summary>
    /// <exception cref="ArgumentNullException">A ballot in the log is null.</exception>
    public static BallotBox<TBallot> FromLog<TBallot>(Electorate electorate, IEnumerable<CastBallot<TBallot>> log)
    {
        ArgumentNullException.ThrowIfNull(electorate);
        ArgumentNullException.ThrowIfNull(log);
        var last = new SortedDictionary<Hash256, CountedBallot<TBallot>>();
        int superseded = 0, ignored = 0;
        foreach (var cast in log)
        {
            if (cast.Ballot is null)
            {
                throw new ArgumentNullException(nameof(log), "A ballot in the log is null.");
            }

            if (!electorate.TryGet(cast.Voter, out var voter))
            {
                ignored++;
                continue;
            }

            if (last.ContainsKey(cast.Voter))
            {
                superseded++;
            }

            last[cast.Voter] = new CountedBallot<TBallot>(voter, cast.Ballot);
        }

        return new BallotBox<TBallot>(electorate, [.. last.Values], superseded, ignored);
    }

    /// <summary>An empty box: nobody voted.</summary>
    public static BallotBox<TBallot> Empty<TBallot>(Electorate electorate)
    {
        ArgumentNullException.ThrowIfNull(electorate);
        return new BallotBox<TBallot>(electorate, [], 0, 0);
    }
}
