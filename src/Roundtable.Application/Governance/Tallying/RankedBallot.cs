using System.Collections.Immutable;
using Roundtable.Core.Encoding;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>
/// A ranked ballot over a fixed number of options: a rank per option, 1 for the most preferred,
/// equal ranks for options the voter ranks equally, 0 for options left unranked (ranked equally
/// below every ranked option). Ranks are kept dense (1, 2, …, m with none skipped), so one
/// preference has one ballot. Canonical encoding: the option count, then the rank of each option
/// in option order, all as minimal LEB128 integers; a decoder refuses ranks that are not dense.
/// </summary>
public sealed class RankedBallot : ICanonical<RankedBallot>, IEquatable<RankedBallot>
{
    private RankedBallot(ImmutableArray<int> ranks) => Ranks = ranks;

    /// <summary>Rank per option: 0 unranked, 1 most preferred; dense.</summary>
    public ImmutableArray<int> Ranks { get; }

    /// <summary>Number of options the ballot is for.</summary>
    public int OptionCount => Ranks.Length;

    /// <summary>
    /// A strict order: <paramref name="order"/> lists options from most to least preferred;
    /// options not listed are unranked.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range or listed twice.</exception>
    public static RankedBallot FromOrder(int optionCount, params int[] order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return FromTiers(optionCount, Array.ConvertAll(order, static o => new[] { o }));
    }

    /// <summary>
    /// Tiers of equally preferred options, most preferred tier first; options not listed are
    /// unranked. Empty tiers are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range or listed twice.</exception>
    public static RankedBallot FromTiers(int optionCount, params int[][] tiers)
    {
        BallotLimits.CheckOptionCount(optionCount);
        ArgumentNullException.ThrowIfNull(tiers);
        var ranks = new int[optionCount];
        var rank = 0;
        foreach (var tier in tiers)
        {
            ArgumentNullException.ThrowIfNull(tier, nameof(tiers));
            if (tier.Length == 0)
            {
                continue;
            }

            rank++;
            foreach (var option in tier)
            {
                if (option < 0 || option >= optionCount)
                {
                    throw new ArgumentException($"Option {option} is not one of the {optionCount} options.", nameof(tiers));
                }

                if (ranks[option] != 0)
                {
                    throw new ArgumentException($"Option {option} is ranked twice.", nameof(tiers));
                }

                ranks[option] = rank;
            }
        }

        return new RankedBallot([.. ranks]);
    }

    /// <summary>
    /// From a rank per option (0 unranked, smaller is preferred); gaps are closed, so {1, 3, 3, 0}
    /// becomes {1, 2, 2, 0}.
    /// </summary>
    /// <exception cref="ArgumentException">A rank is negative or the option count is out of range.</exception>
    public static RankedBallot FromRanks(params int[] ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        BallotLimits.CheckOptionCount(ranks.Length);
        var used = new SortedSet<int>();
        foreach (var r in ranks)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(r, nameof(ranks));
            if (r != 0)
            {
                used.Add(r);
            }
        }

        var dense = new SortedDictionary<int, int>();
        foreach (var r in used)
        {
            dense[r] = dense.Count + 1;
        }

        return new RankedBallot([.. Array.ConvertAll(ranks, r => r == 0 ? 0 : dense[r])]);
    }

    /// <summary>True when the voter ranks <paramref name="a"/> strictly above <paramref name="b"/>.</summary>
    public bool Prefers(int a, int b)
    {
        var ra = Ranks[a];
        var rb = Ranks[b];
        return ra != 0 && (rb == 0 || ra < rb);
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt((ulong)Ranks.Length);
        foreach (var r in Ranks)
        {
            writer.WriteVarUInt((ulong)r);
        }
    }

    /// <inheritdoc />
    public static RankedBallot Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(BallotLimits.MaxOptions, "option count");
        if (count == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, "A ranked ballot is for at least one option.");
        }

        var ranks = new int[count];
        var seen = new bool[count + 1];
        var max = 0;
        for (var i = 0; i < count; i++)
        {
            ranks[i] = reader.ReadLength(count, "rank");
            seen[ranks[i]] = true;
            max = Math.Max(max, ranks[i]);
        }

        for (var r = 1; r <= max; r++)
        {
            if (!seen[r])
            {
                throw new DecodeException(DecodeError.NonCanonical, $"Ranks skip {r}: ranks must be dense.");
            }
        }

        return new RankedBallot([.. ranks]);
    }

    /// <inheritdoc />
    public bool Equals(RankedBallot? other) => other is not null && Ranks.AsSpan().SequenceEqual(other.Ranks.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RankedBallot);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var r in Ranks)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }

    /// <summary>"[1,3,2]": the rank of each option.</summary>
    public override string ToString() => "[" + string.Join(",", Ranks) + "]";
}
