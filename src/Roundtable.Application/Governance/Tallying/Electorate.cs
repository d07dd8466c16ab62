using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>
/// The fixed set of members entitled to vote on one question, sorted by member id. The caller
/// builds it once, when voting opens, from the members verified at that moment: a member verified
/// later is not in it and cannot vote, and a member who leaves a group keeps the group they had at
/// opening. Every tally ignores ballots from anyone outside it.
/// </summary>
public sealed class Electorate
{
    private readonly ImmutableArray<Voter> _voters;

    /// <summary>Creates an electorate from voters in any order; they are kept sorted by member id.</summary>
    /// <exception cref="ArgumentException">A member id appears twice.</exception>
    public Electorate(IEnumerable<Voter> voters)
    {
        ArgumentNullException.ThrowIfNull(voters);
        var sorted = voters.Select(v => v ?? throw new ArgumentException("An electorate holds no null voter.", nameof(voters)))
            .OrderBy(v => v.MemberId)
            .ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].MemberId == sorted[i - 1].MemberId)
            {
                throw new ArgumentException($"Member {sorted[i].MemberId.ToShortString()} appears twice in the electorate.", nameof(voters));
            }
        }

        _voters = sorted;
        GroupSizes = CountBy(sorted, static v => v.Group);
        RegionSizes = CountBy(sorted, static v => v.Region);
    }

    /// <summary>The voters, sorted by member id.</summary>
    public ImmutableArray<Voter> Voters => _voters;

    /// <summary>Number of voters.</summary>
    public int Count => _voters.Length;

    /// <summary>Number of electors in each stakeholder group (ordinal order; only groups with electors).</summary>
    public ImmutableSortedDictionary<string, int> GroupSizes { get; }

    /// <summary>Number of electors in each region (ordinal order; only regions with electors).</summary>
    public ImmutableSortedDictionary<string, int> RegionSizes { get; }

    /// <summary>Finds an elector by member id (binary search).</summary>
    public bool TryGet(Hash256 memberId, [MaybeNullWhen(false)] out Voter voter)
    {
        int lo = 0, hi = _voters.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var c = _voters[mid].MemberId.CompareTo(memberId);
            if (c == 0)
            {
                voter = _voters[mid];
                return true;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        voter = null;
        return false;
    }

    /// <summary>True when <paramref name="memberId"/> is an elector.</summary>
    public bool Contains(Hash256 memberId) => TryGet(memberId, out _);

    private static ImmutableSortedDictionary<string, int> CountBy(ImmutableArray<Voter> voters, Func<Voter, string> key)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var voter in voters)
        {
            counts[key(voter)] = counts.GetValueOrDefault(key(voter)) + 1;
        }

        return counts.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
