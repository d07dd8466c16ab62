using System.Globalization;
using System.Text;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Tests.Governance;

/// <summary>Members, electorates and ballot logs for the tally tests.</summary>
internal static class Fixtures
{
    public static Hash256 Id(string name) => Hash256.Compute(Encoding.UTF8.GetBytes(name));

    public static Voter VoterOf(string name, string group, string region) => new(Id(name), group, region);

    /// <summary><paramref name="count"/> voters named "{group}-{i}" in the group and region.</summary>
    public static IEnumerable<Voter> InGroup(string group, int count, string region = "weog", int start = 0) =>
        Enumerable.Range(start, count).Select(i => VoterOf(Name(group, i), group, region));

    public static string Name(string group, int i) => group + "-" + i.ToString(CultureInfo.InvariantCulture);

    public static Electorate Electors(params IEnumerable<Voter>[] parts) => new(parts.SelectMany(p => p));

    public static CastBallot<T> Cast<T>(string name, T ballot) => new(Id(name), ballot);

    /// <summary>Ballots for members "{group}-{start}" … in order, one per choice.</summary>
    public static IEnumerable<CastBallot<T>> Votes<T>(string group, int start, params T[] ballots) =>
        ballots.Select((b, i) => Cast(Name(group, start + i), b));

    public static IEnumerable<T> Repeat<T>(T value, int count) => Enumerable.Repeat(value, count);

    public static List<T> Shuffled<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    public static Rational R(long numerator, long denominator = 1) => Rational.Of(numerator, denominator);
}
