using System.Text.Json.Nodes;
using Roundtable.Application.PersonalData;
using Roundtable.Application.Sessions;
using Roundtable.Application.Sessions.Results;
using Roundtable.Application.WorkingGroups;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Node.PersonalData;

namespace Roundtable.Node.Api;

/// <summary>JSON views of sessions, polls and working groups.</summary>
public static class SessionViews
{
    /// <summary>A session in a list.</summary>
    public static JsonObject Summary(SessionRecord s) => new()
    {
        ["id"] = s.Id.ToString(),
        ["title"] = s.Definition.Title,
        ["format"] = s.Definition.Format,
        ["start"] = ApiViews.Time(s.Definition.StartMs),
        ["end"] = ApiViews.Time(s.Definition.EndMs),
        ["allowOnline"] = s.Definition.AllowOnline,
        ["organisers"] = Ids(s.Organisers),
        ["participants"] = s.ParticipantCount,
        ["polls"] = s.PollCount,
    };

    /// <summary>A session with everything recorded about it; a declared gender as <paramref name="personal"/> shows it.</summary>
    public static JsonObject Detail(SessionSnapshot snapshot, Func<Hash256, PersonalFieldView> personal)
    {
        var s = snapshot.Session;
        var json = Summary(s);
        json["creator"] = s.Creator.ToString();
        json["createdHeight"] = s.CreatedHeight;
        json["codeVersion"] = s.CodeVersion;
        json["speakers"] = new JsonArray([.. s.Definition.Speakers.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["stakeholderGroup"] = p.StakeholderGroup,
            ["region"] = p.Region,
            ["member"] = p.Member?.ToString(),
        })]);
        json["agenda"] = new JsonArray([.. s.Definition.Agenda.Select(a => (JsonNode)JsonValue.Create(a))]);
        json["policyQuestions"] = new JsonArray([.. s.Definition.PolicyQuestions.Select(q => (JsonNode)JsonValue.Create(q))]);
        json["checkedIn"] = new JsonArray([.. snapshot.Participants.Select(p => (JsonNode)new JsonObject
        {
            ["member"] = p.Member.ToString(),
            ["displayName"] = snapshot.NameOf(p.Member),
            ["mode"] = p.Mode == AttendanceMode.OnSite ? "on-site" : "online",
            ["stakeholderGroup"] = p.StakeholderGroup,
            ["region"] = p.Region,
            ["declaredGender"] = p.DeclaredGender is { } gender ? PersonalDataViews.Field(personal(gender)) : null,
            ["verified"] = p.Verified,
            ["order"] = p.Ordinal,
            ["height"] = p.Height,
        })]);
        json["pollDetails"] = new JsonArray([.. snapshot.Polls.Select(p => (JsonNode)Poll(p))]);
        json["dissents"] = new JsonArray([.. snapshot.Dissents.Select(d => (JsonNode)new JsonObject
        {
            ["member"] = d.Member.ToString(),
            ["displayName"] = snapshot.NameOf(d.Member),
            ["kind"] = d.Kind == DissentKind.Objection ? "objection" : "minority-view",
            ["subject"] = d.Subject,
            ["reason"] = d.Reason,
            ["height"] = d.Height,
        })]);
        return json;
    }

    /// <summary>A working group.</summary>
    public static JsonObject WorkingGroup(WorkingGroupRecord g) => new()
    {
        ["id"] = g.Id.ToString(),
        ["name"] = g.Name,
        ["status"] = WorkingGroupsModule.StatusName(g.Status),
        ["leader"] = g.Leader.ToString(),
        ["members"] = Ids(g.Members),
        ["charterHash"] = g.Charter.DocumentHash.ToString(),
        ["charter"] = g.Charter.Markdown,
        ["deliverables"] = new JsonArray([.. g.Deliverables.Select(d => (JsonNode)new JsonObject
        {
            ["proposal"] = d.Proposal.ToString(),
            ["title"] = d.Title,
            ["height"] = d.Height,
        })]),
        ["sunset"] = ApiViews.Time(g.SunsetMs),
        ["createdHeight"] = g.CreatedHeight,
        ["closedHeight"] = g.ClosedHeight == 0 ? null : g.ClosedHeight,
    };

    private static JsonObject Poll(PollSnapshot p)
    {
        var d = p.Poll.Definition;
        return new JsonObject
        {
            ["number"] = p.Poll.Number,
            ["question"] = d.Question,
            ["method"] = PollMethods.Name(d.Method),
            ["options"] = new JsonArray([.. p.Poll.Choices.Select(o => (JsonNode)JsonValue.Create(o))]),
            ["status"] = p.Poll.Status switch
            {
                PollStatus.Draft => "draft",
                PollStatus.Open => "open",
                _ => "closed",
            },
            ["electorateSize"] = p.Poll.Status == PollStatus.Draft ? null : p.Poll.ElectorateSize,
            ["ballots"] = p.Ballots.Count,
            ["outcome"] = p.Outcome is { } o ? Outcome(o) : null,
        };
    }

    private static JsonObject Outcome(PollOutcome o) => new()
    {
        ["winner"] = o.Winner,
        ["summary"] = o.Summary,
        ["electors"] = o.Electors,
        ["voters"] = o.Voters,
        ["choices"] = new JsonArray([.. o.Choices.Select(c => (JsonNode)new JsonObject
        {
            ["label"] = c.Label,
            ["result"] = c.Score,
            ["supportByGroup"] = new JsonArray([.. c.Support.Select(g => (JsonNode)new JsonObject { ["group"] = g.Group, ["backers"] = g.Backers, ["voters"] = g.Voters })]),
        })]),
        ["byGroup"] = Segments(o.ByGroup),
        ["byRegion"] = Segments(o.ByRegion),
    };

    private static JsonArray Segments(IEnumerable<SegmentLine> lines) =>
        new([.. lines.Select(l => (JsonNode)new JsonObject { ["name"] = l.Name, ["electors"] = l.Electors, ["voters"] = l.Voters, ["ownChoice"] = l.OwnChoice })]);

    private static JsonArray Ids(IEnumerable<Hash256> ids) => new([.. ids.Select(i => (JsonNode)JsonValue.Create(i.ToString()))]);
}
