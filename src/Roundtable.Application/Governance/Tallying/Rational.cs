using System.Globalization;
using System.Numerics;
using System.Text;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>
/// An exact rational number p/q, immutable and always normalized: q &gt; 0 and gcd(|p|, q) = 1, so
/// two equal values have the same numerator and denominator. Numerator and denominator are
/// <see cref="BigInteger"/>s: vote weights such as Σ 1/nᵢ over many groups have denominators that
/// grow like the least common multiple of the group sizes and would overflow any fixed width, and
/// <see cref="BigInteger"/> arithmetic is exact and identical on every platform. No floating point
/// is involved anywhere, including formatting.
/// </summary>
/// <remarks><c>default(Rational)</c> is zero (0/1).</remarks>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>, IComparable
{
    private readonly BigInteger _numerator;

    // Zero only in default(Rational); read through Denominator, which maps it to 1.
    private readonly BigInteger _denominator;

    /// <summary>Creates <paramref name="numerator"/>/<paramref name="denominator"/>, normalized.</summary>
    /// <exception cref="DivideByZeroException">The denominator is zero.</exception>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A rational number's denominator cannot be zero.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        _numerator = numerator;
        _denominator = denominator;
    }

    /// <summary>Creates the integer <paramref name="value"/> (value/1).</summary>
    public Rational(BigInteger value)
    {
        _numerator = value;
        _denominator = BigInteger.One;
    }

    /// <summary>0/1.</summary>
    public static Rational Zero => default;

    /// <summary>1/1.</summary>
    public static Rational One => new(BigInteger.One);

    /// <summary>1/2.</summary>
    public static Rational Half => new(BigInteger.One, 2);

    /// <summary>The numerator, carrying the sign.</summary>
    public BigInteger Numerator => _numerator;

    /// <summary>The denominator, always positive.</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    /// <summary>-1, 0 or +1.</summary>
    public int Sign => _numerator.Sign;

    /// <summary>True for 0.</summary>
    public bool IsZero => _numerator.IsZero;

    /// <summary>True when the denominator is 1.</summary>
    public bool IsInteger => Denominator.IsOne;

    /// <summary><paramref name="numerator"/>/<paramref name="denominator"/>, normalized.</summary>
    /// <exception cref="DivideByZeroException">The denominator is zero.</exception>
    public static Rational Of(long numerator, long denominator) => new(numerator, denominator);

    /// <summary>The integer <paramref name="value"/>.</summary>
    public static implicit operator Rational(long value) => new(value);

    /// <summary>The integer <paramref name="value"/>.</summary>
    public static Rational FromInt64(long value) => new(value);

    /// <summary>Sum.</summary>
    public static Rational operator +(Rational left, Rational right) =>
        left.Denominator == right.Denominator
            ? new Rational(left._numerator + right._numerator, left.Denominator)
            : new Rational((left._numerator * right.Denominator) + (right._numerator * left.Denominator), left.Denominator * right.Denominator);

    /// <summary>Difference.</summary>
    public static Rational operator -(Rational left, Rational right) => left + (-right);

    /// <summary>Negation.</summary>
    public static Rational operator -(Rational value) => new(-value._numerator, value.Denominator);

    /// <summary>Product.</summary>
    public static Rational operator *(Rational left, Rational right) =>
        new(left._numerator * right._numerator, left.Denominator * right.Denominator);

    /// <summary>Quotient.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static Rational operator /(Rational left, Rational right) =>
        right.IsZero
            ? throw new DivideByZeroException("Division of a rational number by zero.")
            : new Rational(left._numerator * right.Denominator, left.Denominator * right._numerator);

    /// <summary>Sum (named alternative to the operator).</summary>
    public static Rational Add(Rational left, Rational right) => left + right;

    /// <summary>Difference (named alternative to the operator).</summary>
    public static Rational Subtract(Rational left, Rational right) => left - right;

    /// <summary>Product (named alternative to the operator).</summary>
    public static Rational Multiply(Rational left, Rational right) => left * right;

    /// <summary>Quotient (named alternative to the operator).</summary>
    public static Rational Divide(Rational left, Rational right) => left / right;

    /// <summary>Negation (named alternative to the operator).</summary>
    public static Rational Negate(Rational value) => -value;

    /// <summary>The absolute value.</summary>
    public static Rational Abs(Rational value) => value.Sign < 0 ? -value : value;

    /// <summary>The smaller of two values.</summary>
    public static Rational Min(Rational left, Rational right) => left <= right ? left : right;

    /// <summary>The larger of two values.</summary>
    public static Rational Max(Rational left, Rational right) => left >= right ? left : right;

    /// <summary>Equality.</summary>
    public static bool operator ==(Rational left, Rational right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Rational left, Rational right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(Rational left, Rational right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(Rational left, Rational right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Rational left, Rational right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Rational left, Rational right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public bool Equals(Rational other) =>
        _numerator == other._numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_numerator, Denominator);

    /// <inheritdoc />
    public int CompareTo(Rational other) =>
        Denominator == other.Denominator
            ? _numerator.CompareTo(other._numerator)
            : (_numerator * other.Denominator).CompareTo(other._numerator * Denominator);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Rational other => CompareTo(other),
        _ => throw new ArgumentException("Not a Rational.", nameof(obj)),
    };

    /// <summary>"p/q" in lowest terms with a leading '-' when negative; integers too ("3/1", "0/1").</summary>
    public override string ToString() =>
        _numerator.ToString(NumberFormatInfo.InvariantInfo) + "/" + Denominator.ToString(NumberFormatInfo.InvariantInfo);

    /// <summary>
    /// The value in decimal with exactly <paramref name="digits"/> digits after the point, rounded
    /// half away from zero, for display: 2/3 with 4 digits is "0.6667", -1/8 with 2 digits is
    /// "-0.13", 1/3 with 0 digits is "0". A value that rounds to zero has no sign.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is negative or above 100.</exception>
    public string ToDecimalString(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 100);

        var scale = BigInteger.Pow(10, digits);
        var scaled = BigInteger.DivRem(BigInteger.Abs(_numerator) * scale, Denominator, out var remainder);
        if (remainder * 2 >= Denominator)
        {
            scaled += 1;
        }

        var text = scaled.ToString(NumberFormatInfo.InvariantInfo);
        if (text.Length <= digits)
        {
            text = new string('0', digits - text.Length + 1) + text;
        }

        var builder = new StringBuilder(text.Length + 2);
        if (_numerator.Sign < 0 && !scaled.IsZero)
        {
            builder.Append('-');
        }

        builder.Append(text, 0, text.Length - digits);
        if (digits > 0)
        {
            builder.Append('.').Append(text, text.Length - digits, digits);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Parses "p/q" or "p" (decimal digits, an optional leading '-' on p, no spaces); q must be
    /// positive. The result is normalized, so "2/4" parses to 1/2.
    /// </summary>
    /// <exception cref="FormatException">The text is not in that form.</exception>
    public static Rational Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a rational number of the form p/q.");

    /// <summary>Parses "p/q" or "p"; false when the text is anything else.</summary>
    public static bool TryParse(string? text, out Rational value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var numeratorText = slash < 0 ? text : text[..slash];
        var denominatorText = slash < 0 ? "1" : text[(slash + 1)..];
        var negative = numeratorText.StartsWith('-');
        if (negative)
        {
            numeratorText = numeratorText[1..];
        }

        if (!AllDigits(numeratorText) || !AllDigits(denominatorText))
        {
            return false;
        }

        var numerator = BigInteger.Parse(numeratorText, NumberStyles.None, NumberFormatInfo.InvariantInfo);
        var denominator = BigInteger.Parse(denominatorText, NumberStyles.None, NumberFormatInfo.InvariantInfo);
        if (denominator.IsZero)
        {
            return false;
        }

        value = new Rational(negative ? -numerator : numerator, denominator);
        return true;
    }

    private static bool AllDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
