using System.Collections.Immutable;
using Roundtable.Core.Encoding;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>
/// An approval ballot: the set of options (0-based indices) the voter approves, possibly none.
/// Kept sorted without duplicates. Canonical encoding: the count, then each index in increasing
/// order, all as minimal LEB128 integers; a decoder refuses unsorted or repeated indices.
/// </summary>
public sealed class ApprovalBallot : ICanonical<ApprovalBallot>, IEquatable<ApprovalBallot>
{
    private ApprovalBallot(ImmutableArray<int> approved) => Approved = approved;

    /// <summary>A ballot approving nothing (it still counts as a voter in balanced approval).</summary>
    public static ApprovalBallot None { get; } = new([]);

    /// <summary>The approved options, strictly increasing.</summary>
    public ImmutableArray<int> Approved { get; }

    /// <summary>A ballot approving <paramref name="options"/> (any order; repeats collapse).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative or not below <see cref="BallotLimits.MaxOptions"/>.</exception>
    public static ApprovalBallot Of(params int[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var set = new SortedSet<int>();
        foreach (var option in options)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(option, nameof(options));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(option, BallotLimits.MaxOptions, nameof(options));
            set.Add(option);
        }

        return new ApprovalBallot([.. set]);
    }

    /// <summary>True when the ballot approves <paramref name="option"/>.</summary>
    public bool Approves(int option) => Approved.BinarySearch(option) >= 0;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt((ulong)Approved.Length);
        foreach (var option in Approved)
        {
            writer.WriteVarUInt((ulong)option);
        }
    }

    /// <inheritdoc />
    public static ApprovalBallot Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(BallotLimits.MaxOptions, "approval count");
        var approved = ImmutableArray.CreateBuilder<int>(count);
        for (var i = 0; i < count; i++)
        {
            var option = reader.ReadLength(BallotLimits.MaxOptions - 1, "approved option");
            if (i > 0 && option <= approved[i - 1])
            {
                throw new DecodeException(DecodeError.NonCanonical, "Approved options must be strictly increasing.");
            }

            approved.Add(option);
        }

        return new ApprovalBallot(approved.MoveToImmutable());
    }

    /// <inheritdoc />
    public bool Equals(ApprovalBallot? other) => other is not null && Approved.AsSpan().SequenceEqual(other.Approved.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ApprovalBallot);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var option in Approved)
        {
            hash.Add(option);
        }

        return hash.ToHashCode();
    }

    /// <summary>"{0,2,5}".</summary>
    public override string ToString() => "{" + string.Join(",", Approved) + "}";
}
