using System.Text;
using Roundtable.Application.Parameters;
using Roundtable.Application.PersonalData;
using Roundtable.Application.Sessions.Results;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Sessions;
using static Roundtable.Application.Sessions.Report.Markdown;

namespace Roundtable.Application.Sessions.Report;

/// <summary>
/// The session report: Markdown generated from the record and the declared genders a node holds
/// beside the chain, so every node renders the same bytes for the same state and the same values.
/// Sections: the programme (format, schedule, organisers, speakers, agenda, policy questions),
/// participation by stakeholder group, region and declared gender (counting a gender only while
/// its value is available; the rest are "withdrawn by its owner", "not available" or "not
/// declared"), poll outcomes with their breakdowns, and objections and minority views. Format:
/// docs/sessions.md §5, docs/personal-data.md.
/// </summary>
public static class SessionReport
{
    /// <summary>Renders the report.</summary>
    public static string Render(SessionSnapshot snapshot, ChainParameters parameters, Func<Hash256, PersonalFieldView> gender)
    {
        var names = new Names(parameters);
        var md = new StringBuilder();
        Programme(md, snapshot, names);
        Participation(md, snapshot, names, gender);
        Polls(md, snapshot, names);
        Dissent(md, snapshot, names);
        return md.ToString();
    }

    private static void Programme(StringBuilder md, SessionSnapshot s, Names names)
    {
        var d = s.Session.Definition;
        md.Append("# ").Append(Inline(d.Title)).Append("\n\n");
        md.Append("- Format: ").Append(d.Format).Append('\n');
        md.Append("- Scheduled: ").Append(Time(d.StartMs)).Append(" to ").Append(Time(d.EndMs)).Append(" (block time)\n");
        md.Append("- Check-in: on site with the room code").Append(d.AllowOnline ? ", or online" : " only").Append('\n');
        md.Append("- Organisers: ").Append(string.Join(", ", s.Session.Organisers.Select(o => Inline(s.NameOf(o))))).Append('\n');
        md.Append("- Session id: `").Append(s.Session.Id.ToString()).Append("`\n");
        md.Append("- Generated from the ledger at height ").Append(Number((long)s.Height)).Append("\n\n");

        md.Append("## Speakers\n\n");
        if (d.Speakers.Count == 0)
        {
            md.Append("No speakers were listed.\n\n");
        }
        else
        {
            md.Append(Header("Speaker", "Stakeholder group", "Region", "Member")).Append('\n');
            foreach (var speaker in d.Speakers)
            {
                md.Append(Row(Inline(speaker.Name), names.Group(speaker.StakeholderGroup), names.Region(speaker.Region), speaker.Member is { } m ? "`" + m.ToShortString() + "`" : "–")).Append('\n');
            }

            md.Append('\n');
        }

        NumberedList(md, "Agenda", d.Agenda);
        NumberedList(md, "Policy questions", d.PolicyQuestions);
    }

    private static void NumberedList(StringBuilder md, string title, IReadOnlyList<string> items)
    {
        md.Append("## ").Append(title).Append("\n\n");
        if (items.Count == 0)
        {
            md.Append("None listed.\n\n");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            md.Append(Number(i + 1)).Append(". ").Append(Inline(items[i])).Append('\n');
        }

        md.Append('\n');
    }

    private static void Participation(StringBuilder md, SessionSnapshot s, Names names, Func<Hash256, PersonalFieldView> gender)
    {
        var people = s.Participants;
        var onSite = people.Count(p => p.Mode == AttendanceMode.OnSite);
        md.Append("## Participation\n\n");
        md.Append(Number(people.Count)).Append(" participant(s) checked in: ").Append(Number(onSite)).Append(" on site, ")
            .Append(Number(people.Count - onSite)).Append(" online.\n\n");

        md.Append("### By stakeholder group\n\n").Append(Header("Stakeholder group", "Participants")).Append('\n');
        foreach (var group in names.Parameters.StakeholderGroups)
        {
            md.Append(Row(group.Name, Number(people.Count(p => p.StakeholderGroup == group.Id)))).Append('\n');
        }

        md.Append("\n### By region\n\n").Append(Header("Region", "Participants")).Append('\n');
        foreach (var region in names.Parameters.Regions.Where(r => people.Any(p => p.Region == r.Id)))
        {
            md.Append(Row(region.Name, Number(people.Count(p => p.Region == region.Id)))).Append('\n');
        }

        md.Append("\n### By declared gender\n\n");
        md.Append("Only participants who chose to declare a gender at check-in are counted by gender, and only while the value is available.\n\n");
        md.Append(Header("Declared gender", "Participants")).Append('\n');
        var views = people.Where(p => p.DeclaredGender is not null).Select(p => gender(p.DeclaredGender!.Value)).ToList();
        var declared = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var view in views.Where(v => v.Value is not null))
        {
            declared[view.Value!] = declared.GetValueOrDefault(view.Value!) + 1;
        }

        foreach (var (value, count) in declared)
        {
            md.Append(Row(Inline(value), Number(count))).Append('\n');
        }

        GenderRow(md, "withdrawn by its owner", views.Count(v => v.Availability == PersonalFieldAvailability.Withdrawn));
        GenderRow(md, "not available", views.Count(v => v.Availability == PersonalFieldAvailability.NotAvailable));
        md.Append(Row("not declared", Number(people.Count(p => p.DeclaredGender is null)))).Append("\n\n");
    }

    private static void GenderRow(StringBuilder md, string label, int count)
    {
        if (count > 0)
        {
            md.Append(Row(label, Number(count))).Append('\n');
        }
    }

    private static void Polls(StringBuilder md, SessionSnapshot s, Names names)
    {
        md.Append("## Polls\n\n");
        if (s.Polls.Count == 0)
        {
            md.Append("No polls were held.\n\n");
            return;
        }

        foreach (var poll in s.Polls)
        {
            var d = poll.Poll.Definition;
            md.Append("### Poll ").Append(Number(poll.Poll.Number + 1)).Append(": ").Append(Inline(d.Question)).Append("\n\n");
            md.Append("Method: ").Append(PollMethods.Name(d.Method)).Append(". ");
            if (poll.Outcome is not { } outcome)
            {
                md.Append(poll.Poll.Status == PollStatus.Open ? "Still open: results are published when it closes.\n\n" : "Not opened.\n\n");
                continue;
            }

            md.Append("Electorate: ").Append(Number(outcome.Electors)).Append(" participant(s) checked in when it opened; ")
                .Append(Number(outcome.Voters)).Append(" voted.\n\n");
            md.Append("**Outcome:** ").Append(Inline(outcome.Summary)).Append("\n\n");
            md.Append(Header("Choice", "Result", "Support by stakeholder group")).Append('\n');
            foreach (var choice in outcome.Choices)
            {
                md.Append(Row(Inline(choice.Label), choice.Score, Support(choice, names))).Append('\n');
            }

            md.Append('\n');
            Segments(md, "Stakeholder group", outcome.ByGroup, names.Group);
            Segments(md, "Region", outcome.ByRegion, names.Region);
        }
    }

    private static void Segments(StringBuilder md, string title, IReadOnlyList<SegmentLine> lines, Func<string, string> name)
    {
        md.Append(Header(title, "Electors", "Voted", "Its own choice")).Append('\n');
        foreach (var line in lines)
        {
            md.Append(Row(name(line.Name), Number(line.Electors), Number(line.Voters), line.OwnChoice is { } c ? Inline(c) : "–")).Append('\n');
        }

        md.Append('\n');
    }

    private static string Support(ChoiceLine choice, Names names) =>
        choice.Support.Count == 0 ? "–" : string.Join("; ", choice.Support.Select(g => $"{names.Group(g.Group)} {Number(g.Backers)}/{Number(g.Voters)}"));

    private static void Dissent(StringBuilder md, SessionSnapshot s, Names names)
    {
        md.Append("## Objections and minority views\n\n");
        md.Append("### Positions that did not prevail\n\n");
        var any = false;
        foreach (var poll in s.Polls.Where(p => p.Outcome?.Winner is not null))
        {
            var outcome = poll.Outcome!;
            var prefix = "Poll " + Number(poll.Poll.Number + 1) + ": ";
            foreach (var choice in outcome.Choices.Where(c => c.Label != outcome.Winner && c.Label != "abstain" && c.Support.Any(g => g.Backers > 0)))
            {
                any = true;
                md.Append("- ").Append(prefix).Append('"').Append(Inline(choice.Label)).Append("\" was backed by ")
                    .Append(string.Join("; ", choice.Support.Where(g => g.Backers > 0).Select(g => $"{names.Group(g.Group)} {Number(g.Backers)}/{Number(g.Voters)}"))).Append(".\n");
            }

            foreach (var group in outcome.ByGroup.Where(g => g.OwnChoice is not null && g.OwnChoice != outcome.Winner))
            {
                any = true;
                md.Append("- ").Append(prefix).Append(names.Group(group.Name)).Append(" on its own would have chosen \"").Append(Inline(group.OwnChoice!)).Append("\".\n");
            }
        }

        md.Append(any ? "\n" : "None: every counted position prevailed or no poll was closed.\n\n");
        md.Append("### Recorded objections and minority views\n\n");
        if (s.Dissents.Count == 0)
        {
            md.Append("None recorded.\n");
            return;
        }

        foreach (var d in s.Dissents)
        {
            var who = s.People.TryGetValue(d.Member, out var m) ? $"{Inline(m.DisplayName)} ({names.Group(m.StakeholderGroup)}, {names.Region(m.Region)})" : "`" + d.Member.ToShortString() + "`";
            md.Append("- **").Append(d.Kind == DissentKind.Objection ? "Objection" : "Minority view").Append("** by ").Append(who)
                .Append(" on ").Append(Inline(d.Subject)).Append(": ").Append(Inline(d.Reason)).Append('\n');
        }
    }

    /// <summary>Display names of groups and regions from the parameters (the id when not listed).</summary>
    private sealed class Names(ChainParameters parameters)
    {
        public ChainParameters Parameters { get; } = parameters;

        public string Group(string id) => Parameters.StakeholderGroups.FirstOrDefault(g => g.Id == id)?.Name ?? id;

        public string Region(string id) => Parameters.Regions.FirstOrDefault(r => r.Id == id)?.Name ?? id;
    }
}
