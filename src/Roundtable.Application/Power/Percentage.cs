using Roundtable.Application.Governance.Tallying;

namespace Roundtable.Application.Power;

/// <summary>The fixed-decimal display of an exact fraction: a percentage with two digits, rounded half away from zero (1/3 is "33.33").</summary>
public static class Percentage
{
    /// <summary>Digits after the decimal point.</summary>
    public const int Digits = 2;

    /// <summary><paramref name="fraction"/> × 100 with <see cref="Digits"/> digits, for display only; the fraction stays the exact value.</summary>
    public static string Format(Rational fraction) => (fraction * 100).ToDecimalString(Digits);
}
