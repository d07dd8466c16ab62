namespace Roundtable.Application.Governance.Tallying;

/// <summary>How a measured fraction is compared with a threshold fraction.</summary>
public enum ThresholdComparison : byte
{
    /// <summary>Met when the value is strictly greater than the fraction ("more than half").</summary>
    GreaterThan = 1,

    /// <summary>Met when the value is greater than or equal to the fraction ("at least two thirds").</summary>
    AtLeast = 2,
}

/// <summary>
/// A pass mark: a fraction between 0 and 1 and whether reaching it exactly is enough. Every rule
/// that compares a support fraction says which, so "a majority" (&gt; 1/2) and "half" (≥ 1/2)
/// cannot be confused.
/// </summary>
public readonly record struct Threshold
{
    /// <summary>Creates a threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1] or the comparison is unknown.</exception>
    public Threshold(Rational fraction, ThresholdComparison comparison)
    {
        if (fraction.Sign < 0 || fraction > Rational.One)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A threshold is a fraction between 0 and 1.");
        }

        if (comparison is not (ThresholdComparison.GreaterThan or ThresholdComparison.AtLeast))
        {
            throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Unknown threshold comparison.");
        }

        Fraction = fraction;
        Comparison = comparison;
    }

    /// <summary>The fraction compared against.</summary>
    public Rational Fraction { get; }

    /// <summary>Strictly greater, or greater or equal.</summary>
    public ThresholdComparison Comparison { get; }

    /// <summary>More than half: support &gt; 1/2.</summary>
    public static Threshold SimpleMajority => new(Rational.Half, ThresholdComparison.GreaterThan);

    /// <summary>Value &gt; <paramref name="fraction"/>.</summary>
    public static Threshold MoreThan(Rational fraction) => new(fraction, ThresholdComparison.GreaterThan);

    /// <summary>Value ≥ <paramref name="fraction"/>.</summary>
    public static Threshold AtLeast(Rational fraction) => new(fraction, ThresholdComparison.AtLeast);

    /// <summary>True when <paramref name="value"/> meets the threshold.</summary>
    public bool IsMetBy(Rational value) =>
        Comparison == ThresholdComparison.AtLeast ? value >= Fraction : value > Fraction;

    /// <summary>"&gt; 1/2" or "≥ 2/3".</summary>
    public override string ToString() => (Comparison == ThresholdComparison.AtLeast ? "≥ " : "> ") + Fraction.ToString();
}
