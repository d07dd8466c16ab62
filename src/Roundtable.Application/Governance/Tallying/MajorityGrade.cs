using System.Collections.Immutable;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>
/// The majority-judgment result of one criterion over some ballots (Balinski and Laraki): the
/// majority grade is the lower median, the lowest grade that at least half of the weight gives or
/// rates below; with an even count of equal weights that is the lower of the two middle grades.
/// The majority gauge is the share of weight strictly above and strictly below that grade. All
/// figures are exact fractions.
/// </summary>
/// <param name="Grade">The majority grade, or null when no ballot counts.</param>
/// <param name="Above">Share of the weight grading strictly above <see cref="Grade"/> (0 when none).</param>
/// <param name="Below">Share of the weight grading strictly below <see cref="Grade"/> (0 when none).</param>
/// <param name="Shares">Share of the weight at each grade, worst first; they sum to 1 (all 0 when none).</param>
public sealed record MajorityGrade(int? Grade, Rational Above, Rational Below, ImmutableArray<Rational> Shares)
{
    /// <summary>The result for <paramref name="weights"/>[g], the weight given to grade g (each ≥ 0).</summary>
    /// <exception cref="ArgumentException">A weight is negative.</exception>
    public static MajorityGrade Of(IReadOnlyList<Rational> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = Rational.Zero;
        foreach (var weight in weights)
        {
            if (weight.Sign < 0)
            {
                throw new ArgumentException("A grade's weight is negative.", nameof(weights));
            }

            total += weight;
        }

        if (total.IsZero)
        {
            return new MajorityGrade(null, Rational.Zero, Rational.Zero, [.. weights.Select(static _ => Rational.Zero)]);
        }

        var shares = weights.Select(w => w / total).ToImmutableArray();
        var atOrBelow = Rational.Zero;
        for (var grade = 0; grade < shares.Length; grade++)
        {
            var below = atOrBelow;
            atOrBelow += shares[grade];
            if (atOrBelow >= Rational.Half)
            {
                return new MajorityGrade(grade, Rational.One - atOrBelow, below, shares);
            }
        }

        throw new InvalidOperationException("The shares of a non-empty profile sum to one.");
    }
}
