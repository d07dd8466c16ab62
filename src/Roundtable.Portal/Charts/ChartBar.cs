using System.Globalization;
using Roundtable.Application.Governance.Tallying;

namespace Roundtable.Portal.Charts;

/// <summary>One bar: a label and the fraction (0 to 1) of the whole it stands for.</summary>
public sealed record ChartBar(string Label, Rational Fraction)
{
    /// <summary>The bar's length in SVG units for a chart <paramref name="width"/> wide, to a tenth of a unit.</summary>
    public decimal Length(int width) =>
        decimal.Round(decimal.Parse(Fraction.ToDecimalString(4), CultureInfo.InvariantCulture) * width, 1);
}
