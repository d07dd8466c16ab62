using System.Text.Json.Nodes;
using Roundtable.Cli.Api;
using Roundtable.Cli.Infrastructure;

namespace Roundtable.Cli.Power;

/// <summary>The human view of GET /api/v1/power: exact shares beside their percentages.</summary>
internal static class PowerViews
{
    /// <summary>Validators caught signing two conflicting votes, and what the rule did.</summary>
    public static void Accountability(CommandContext context, JsonObject accountability)
    {
        var validators = accountability.Array("validators");
        if (validators.Count == 0)
        {
            context.Write(Views.Properties(("signed twice", "no validator")));
            return;
        }

        var table = Views.Table("signed twice", "stakeholder group", "recorded in block", "outcome", "deciding now", "proofs");
        foreach (var v in validators)
        {
            table.Row(v.Display("name"), v.Display("stakeholderGroup"), v.Display("recordedHeight"), v.Display("outcome"), v.Display("inCurrentSet"), v.Array("evidence").Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        context.Write(table);
    }

    public static void Report(CommandContext context, JsonObject power)
    {
        var rules = power["rules"];
        var members = power["members"];
        var participation = power["participation"];
        context.Write(Views.Properties(
            ("height", power.Display("height")),
            ("total voting power", power.Display("totalPower")),
            ("can halt", rules.Display("halt")),
            ("can commit", rules.Display("commit")),
            ("verified members", members.Display("verified")),
            ("proposals counted", participation.Display("proposals"))));

        var nakamoto = power["nakamoto"];
        var coefficients = Views.Table("Nakamoto coefficient", "to halt (≥ 1/3)", "to commit (> 2/3)", "largest first");
        foreach (var (label, field) in new[] { ("operators", "operators"), ("stakeholder groups", "stakeholderGroups"), ("regions", "regions") })
        {
            var n = nakamoto?[field];
            coefficients.Row(label, n.Display("toHalt"), n.Display("toCommit"), string.Join(", ", n.Array("largest").Select(x => x?.GetValue<string>())));
        }

        context.Write(coefficients);

        var validators = Views.Table("validator", "stakeholder group", "region", "power", "share", "%");
        foreach (var v in power.Array("validators"))
        {
            validators.Row(v.Display("name"), v.Display("stakeholderGroup"), v.Display("region"), v.Display("power"), v.Display("share"), v.Display("percent"));
        }

        context.Write(validators);
        context.Write(Shares("stakeholder group", "power", power.Array("powerByGroup")));
        context.Write(Shares("region", "power", power.Array("powerByRegion")));
        context.Write(Shares("stakeholder group", "members", members.Array("byGroup")));
        context.Write(Shares("region", "members", members.Array("byRegion")));
        var turnout = participation.Array("turnout");
        if (turnout.Count == 0)
        {
            context.Line("No proposals have been voted on yet: shares of proposals and votes, and turnout, appear once they are.");
            return;
        }

        context.Write(Shares("author group", "proposals", participation.Array("proposalsByGroup")));
        context.Write(Shares("voter group", "votes", participation.Array("votesByGroup")));
        var table = Views.Table("proposal", "author group", "electors", "voters", "turnout", "%");
        foreach (var t in turnout)
        {
            table.Row(Views.Short(t.OptionalString("proposal")), t.Display("authorGroup"), t.Display("electors"), t.Display("voters"), t.Display("turnout"), t.Display("percent"));
        }

        context.Write(table);
    }

    private static Spectre.Console.Table Shares(string holder, string amount, JsonArray shares)
    {
        var table = Views.Table(holder, amount, "share", "%");
        foreach (var s in shares)
        {
            table.Row(s.Display("name"), s.Display(amount), s.Display("share"), s.Display("percent"));
        }

        return table;
    }
}
