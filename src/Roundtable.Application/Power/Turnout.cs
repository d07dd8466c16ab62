using Roundtable.Application.Governance.Tallying;

namespace Roundtable.Application.Power;

/// <summary>How many of those who could vote did.</summary>
/// <param name="Name">A stakeholder group, or "all" for the whole electorate.</param>
/// <param name="Electors">Who could vote.</param>
/// <param name="Voters">Who voted.</param>
/// <param name="Fraction">Voters divided by electors (0 when there are no electors).</param>
public sealed record Turnout(string Name, ulong Electors, ulong Voters, Rational Fraction)
{
    /// <summary>The name of the whole electorate's turnout.</summary>
    public const string All = "all";

    /// <summary>The fraction as a percentage with two digits, for display.</summary>
    public string Percent => Percentage.Format(Fraction);

    /// <summary>The turnout of <paramref name="voters"/> out of <paramref name="electors"/>.</summary>
    public static Turnout Of(string name, ulong electors, ulong voters) =>
        new(name, electors, voters, electors == 0 ? Rational.Zero : new Rational(voters, electors));
}
