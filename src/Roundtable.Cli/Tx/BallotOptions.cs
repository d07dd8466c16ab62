using System.CommandLine;
using System.Globalization;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Encoding;

namespace Roundtable.Cli.Tx;

/// <summary>The ballot options shared by vote, commit-vote and reveal-vote: exactly one ballot form.</summary>
internal sealed class BallotOptions
{
    public Option<string?> Choice { get; } = new("--choice") { Description = "yes, no or abstain (majority and balanced votes, and appeals)" };

    public Option<string?> Position { get; } = new("--position") { Description = "support, stand-aside or object (consensus)" };

    public Option<string?> Reason { get; } = new("--reason") { Description = "Why (required with --position object)" };

    public Option<int[]> Approve { get; } = new("--approve") { Description = "An option number you approve, from 0 (approval; repeat)", HelpName = "option" };

    public Option<string?> Ranks { get; } = new("--ranks") { Description = "Rank of each option in order, 1 = best, 0 = unranked, e.g. 2,1,0 (ranked)" };

    public Option<string?> Grades { get; } = new("--grades") { Description = "A grade number for each criterion in order, 0 = worst, e.g. 2,4,1 (assessment)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Choice);
        command.Options.Add(Position);
        command.Options.Add(Reason);
        command.Options.Add(Approve);
        command.Options.Add(Ranks);
        command.Options.Add(Grades);
    }

    /// <summary>The canonical encoding of the one ballot given.</summary>
    public byte[] Encode(ParseResult parse)
    {
        var choice = parse.GetValue(Choice);
        var position = parse.GetValue(Position);
        var approve = parse.GetValue(Approve) ?? [];
        var ranks = parse.GetValue(Ranks);
        var grades = parse.GetValue(Grades);
        var given = (choice is null ? 0 : 1) + (position is null ? 0 : 1) + (approve.Length == 0 ? 0 : 1) + (ranks is null ? 0 : 1) + (grades is null ? 0 : 1);
        if (given != 1)
        {
            throw new CliException("give exactly one ballot: --choice, --position, --approve, --ranks or --grades.", "usage");
        }

        if (grades is not null)
        {
            return Canonical.ToBytes(GradeArgument.Parse(grades, "--grades"));
        }

        try
        {
            if (choice is not null)
            {
                return Canonical.ToBytes(choice switch
                {
                    "yes" => YesNoBallot.Yes,
                    "no" => YesNoBallot.No,
                    "abstain" => YesNoBallot.Abstain,
                    _ => throw new CliException($"--choice '{choice}' is not yes, no or abstain.", "invalid-argument"),
                });
            }

            if (position is not null)
            {
                var reason = parse.GetValue(Reason) ?? string.Empty;
                return Canonical.ToBytes(position switch
                {
                    "support" => ConsensusStatement.Supports(reason),
                    "stand-aside" => ConsensusStatement.StandsAside(reason),
                    "object" => ConsensusStatement.Objects(reason),
                    _ => throw new CliException($"--position '{position}' is not support, stand-aside or object.", "invalid-argument"),
                });
            }

            if (approve.Length > 0)
            {
                return Canonical.ToBytes(ApprovalBallot.Of(approve));
            }

            var parsed = ranks!.Split(',').Select(r => int.TryParse(r.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new CliException($"--ranks '{ranks}' is not a comma-separated list of ranks.", "invalid-argument")).ToArray();
            return Canonical.ToBytes(RankedBallot.FromRanks(parsed));
        }
        catch (ArgumentException e)
        {
            throw new CliException("the ballot is not valid: " + e.Message, "invalid-argument");
        }
    }
}
