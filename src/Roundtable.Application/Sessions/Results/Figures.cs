using System.Globalization;
using Roundtable.Application.Governance.Tallying;

namespace Roundtable.Application.Sessions.Results;

/// <summary>Number formatting shared by outcomes and reports.</summary>
public static class Figures
{
    /// <summary>An integer as is, any other fraction with three decimals.</summary>
    public static string Show(Rational value) => value.IsInteger ? value.Numerator.ToString(NumberFormatInfo.InvariantInfo) : value.ToDecimalString(3);
}
