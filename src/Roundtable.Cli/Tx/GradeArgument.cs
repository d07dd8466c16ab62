using System.Globalization;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Tx;

/// <summary>Reads a grade ballot given as comma-separated grade numbers, one per criterion in order (0 = the worst grade).</summary>
internal static class GradeArgument
{
    public static GradeBallot Parse(string text, string option)
    {
        var grades = text.Split(',').Select(g => int.TryParse(g.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CliException($"{option} '{text}' is not a comma-separated list of grade numbers.", "invalid-argument")).ToArray();
        try
        {
            return GradeBallot.Of(grades);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{option} '{text}' is not a grade ballot: " + e.Message, "invalid-argument");
        }
    }
}
