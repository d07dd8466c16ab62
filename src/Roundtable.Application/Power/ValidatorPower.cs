using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Power;

/// <summary>One validator's voting power and its exact share of the total.</summary>
/// <param name="Name">The operator's name.</param>
/// <param name="Address">The id of the validator's key.</param>
/// <param name="Group">The stakeholder group it runs for.</param>
/// <param name="Region">Its operator's declared region, or <see cref="Validators.ValidatorRegion.Unspecified"/>.</param>
/// <param name="Power">Its voting power.</param>
/// <param name="Fraction">Power divided by the set's total.</param>
public sealed record ValidatorPower(string Name, Hash256 Address, string Group, string Region, ulong Power, Rational Fraction)
{
    /// <summary>The fraction as a percentage with two digits, for display.</summary>
    public string Percent => Percentage.Format(Fraction);
}
