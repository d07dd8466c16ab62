using Roundtable.Application.Governance.Tallying;

namespace Roundtable.Application.Power;

/// <summary>One holder's part of a whole: its amount (power, members, proposals, votes) and the exact fraction amount / total.</summary>
/// <param name="Name">The holder: a stakeholder group, a region or a validator.</param>
/// <param name="Amount">What it holds.</param>
/// <param name="Fraction">Amount divided by the total of all holders (0 when the total is 0).</param>
public sealed record Share(string Name, ulong Amount, Rational Fraction)
{
    /// <summary>The fraction as a percentage with two digits, for display.</summary>
    public string Percent => Percentage.Format(Fraction);

    /// <summary>
    /// Adds up <paramref name="parts"/> per name and divides each sum by the grand total. Every name
    /// in <paramref name="known"/> appears even with nothing; the result is in ordinal name order.
    /// </summary>
    /// <exception cref="OverflowException">The amounts add up to more than 2^64 − 1.</exception>
    public static IReadOnlyList<Share> Split(IEnumerable<string> known, IEnumerable<(string Name, ulong Amount)> parts)
    {
        var sums = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var name in known)
        {
            sums[name] = 0;
        }

        ulong total = 0;
        foreach (var (name, amount) in parts)
        {
            sums[name] = checked(sums.GetValueOrDefault(name) + amount);
            total = checked(total + amount);
        }

        return [.. sums.Select(s => new Share(s.Key, s.Value, total == 0 ? Rational.Zero : new Rational(s.Value, total)))];
    }
}
