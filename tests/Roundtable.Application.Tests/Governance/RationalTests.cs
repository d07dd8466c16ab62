using System.Numerics;
using Roundtable.Application.Governance.Tallying;
using static Roundtable.Application.Tests.Governance.Fixtures;

namespace Roundtable.Application.Tests.Governance;

public sealed class RationalTests
{
    [Fact]
    public void Values_are_normalized_so_equal_values_have_equal_parts()
    {
        var r = Rational.Of(6, -8);
        Assert.Equal(new BigInteger(-3), r.Numerator);
        Assert.Equal(new BigInteger(4), r.Denominator);
        Assert.Equal(Rational.Of(-3, 4), r);
        Assert.Equal(Rational.Of(2, 4).GetHashCode(), Rational.Half.GetHashCode());
        Assert.Equal(Rational.Zero, Rational.Of(0, -5));
        Assert.Equal(BigInteger.One, Rational.Of(0, -5).Denominator);
    }

    [Fact]
    public void Default_is_zero_over_one()
    {
        var d = default(Rational);
        Assert.True(d.IsZero);
        Assert.Equal(BigInteger.One, d.Denominator);
        Assert.Equal(Rational.Zero, d);
        Assert.Equal("0/1", d.ToString());
        Assert.Equal(R(1, 3), d + R(1, 3));
    }

    [Fact]
    public void Arithmetic_is_exact()
    {
        Assert.Equal(R(5, 6), R(1, 2) + R(1, 3));
        Assert.Equal(R(1, 6), R(1, 2) - R(1, 3));
        Assert.Equal(R(1, 6), R(1, 2) * R(1, 3));
        Assert.Equal(R(3, 2), R(1, 2) / R(1, 3));
        Assert.Equal(R(-1, 2), -Rational.Half);
        Assert.Equal(R(1, 2), Rational.Abs(R(-1, 2)));

        // One tenth added ten times is exactly one (it never is in binary floating point).
        var sum = Rational.Zero;
        for (var i = 0; i < 10; i++)
        {
            sum += R(1, 10);
        }

        Assert.Equal(Rational.One, sum);

        // Σ 1/k for k = 1..60 has an 82-bit denominator: no fixed 64-bit width would do.
        var harmonic = Rational.Zero;
        for (var k = 1; k <= 60; k++)
        {
            harmonic += R(1, k);
        }

        Assert.Equal("15117092380124150817026911/3230237388259077233637600", harmonic.ToString());
        Assert.Throws<DivideByZeroException>(() => R(1, 2) / Rational.Zero);
        Assert.Throws<DivideByZeroException>(() => new Rational(1, 0));
    }

    [Fact]
    public void Comparison_orders_by_value()
    {
        Assert.True(R(2, 3) > R(3, 5));
        Assert.True(R(-1, 2) < R(1, 3));
        Assert.True(R(2, 4) >= Rational.Half);
        Assert.True(R(2, 4) <= Rational.Half);
        Assert.Equal(0, R(3, 9).CompareTo(R(1, 3)));
        Assert.Equal(R(2, 3), Rational.Max(R(2, 3), R(3, 5)));
        Assert.Equal(R(3, 5), Rational.Min(R(2, 3), R(3, 5)));
        var sorted = new[] { R(1, 2), R(-3, 4), R(2, 3), 0, R(1, 3) }.Order().ToArray();
        Assert.Equal(new[] { R(-3, 4), 0, R(1, 3), R(1, 2), R(2, 3) }, sorted);
    }

    [Theory]
    [InlineData(2, 3, 4, "0.6667")]
    [InlineData(1, 3, 0, "0")]
    [InlineData(2, 3, 0, "1")]
    [InlineData(1, 2, 0, "1")]
    [InlineData(-1, 2, 0, "-1")]
    [InlineData(-1, 8, 2, "-0.13")]
    [InlineData(1, 8, 2, "0.13")]
    [InlineData(-1, 1000, 2, "0.00")]
    [InlineData(103, 115, 4, "0.8957")]
    [InlineData(8, 15, 3, "0.533")]
    [InlineData(7, 1, 2, "7.00")]
    [InlineData(-1234567, 1000, 1, "-1234.6")]
    [InlineData(1, 40, 3, "0.025")]
    public void Decimal_strings_round_half_away_from_zero(long numerator, long denominator, int digits, string expected) =>
        Assert.Equal(expected, R(numerator, denominator).ToDecimalString(digits));

    [Theory]
    [InlineData("1/2", 1, 2)]
    [InlineData("2/4", 1, 2)]
    [InlineData("-6/8", -3, 4)]
    [InlineData("7", 7, 1)]
    [InlineData("0/5", 0, 1)]
    public void Parse_reads_p_over_q(string text, long numerator, long denominator)
    {
        Assert.Equal(R(numerator, denominator), Rational.Parse(text));
        Assert.Equal(Rational.Parse(text), Rational.Parse(Rational.Parse(text).ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1/0")]
    [InlineData("1/-2")]
    [InlineData("+1/2")]
    [InlineData(" 1/2")]
    [InlineData("1/2/3")]
    [InlineData("0.5")]
    [InlineData("a/b")]
    [InlineData("/2")]
    [InlineData("1/")]
    public void Parse_refuses_anything_else(string text)
    {
        Assert.False(Rational.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Rational.Parse(text));
    }

    [Fact]
    public void Thresholds_state_strict_or_inclusive()
    {
        Assert.True(Threshold.AtLeast(R(2, 3)).IsMetBy(R(2, 3)));
        Assert.False(Threshold.MoreThan(R(2, 3)).IsMetBy(R(2, 3)));
        Assert.False(Threshold.SimpleMajority.IsMetBy(Rational.Half));
        Assert.True(Threshold.SimpleMajority.IsMetBy(R(51, 100)));
        Assert.Equal("≥ 2/3", Threshold.AtLeast(R(2, 3)).ToString());
        Assert.Equal("> 1/2", Threshold.SimpleMajority.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => Threshold.AtLeast(R(3, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Threshold.AtLeast(R(-1, 2)));
    }
}
