using System.Text.Json.Nodes;
using Roundtable.Application.Disputes;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Node.Json;

namespace Roundtable.Node.Api;

/// <summary>The JSON views of disputes, their draws and the rules they run under.</summary>
public static class DisputeViews
{
    /// <summary>A dispute in a list: subject, parties, phase and the deadline that matters now.</summary>
    public static JsonObject Summary(DisputeView view)
    {
        var d = view.Dispute;
        return new JsonObject
        {
            ["id"] = d.Id.ToString(),
            ["subject"] = DisputeMessageJson.Subject(d.Subject),
            ["claimant"] = d.Claimant.ToString(),
            ["respondent"] = d.Respondent.ToString(),
            ["phase"] = view.Phase.Name(),
            ["filedHeight"] = d.FiledHeight,
            ["filedAt"] = ApiViews.Time(d.FiledMs),
            ["nextDeadline"] = NextDeadline(view) is { } ms ? ApiViews.Time(ms) : null,
            ["remedy"] = d.Decision is { } decision ? DisputeMessageJson.Remedy(decision.Remedy) : null,
        };
    }

    /// <summary>A dispute in full: the claim, the rules, the panel, the statements, the decision and the appeal.</summary>
    public static JsonObject Detail(DisputeView view, IReadOnlyList<StatementRecord> statements)
    {
        var d = view.Dispute;
        var json = Summary(view);
        json["claim"] = d.Claim;
        json["evidence"] = JsonFields.Hashes(d.Evidence);
        json["rules"] = Rules(d.Rules);
        json["conflicts"] = JsonFields.Hashes(d.Conflicts);
        json["panel"] = d.Panel is { } panel
            ? new JsonObject
            {
                ["seedHeight"] = panel.SeedHeight,
                ["seedBlockId"] = panel.SeedBlockId.ToString(),
                ["drawnHeight"] = panel.DrawnHeight,
                ["members"] = JsonFields.Hashes(panel.Members),
                ["candidates"] = panel.Candidates.Count,
                ["failure"] = panel.Sits ? null : panel.Failure,
            }
            : null;
        json["deadlines"] = d.Panel is { Sits: true } ? new JsonObject
        {
            ["statementsEnd"] = ApiViews.Time(d.StatementsEndMs),
            ["decisionDeadline"] = ApiViews.Time(d.DecisionDeadlineMs),
            ["appealEnd"] = d.Decision is null ? null : ApiViews.Time(d.AppealEndMs),
        } : null;
        json["statements"] = new JsonArray([.. statements.Select(s => (JsonNode)new JsonObject
        {
            ["author"] = s.Author.ToString(),
            ["role"] = s.Author == d.Claimant ? "claimant" : "respondent",
            ["text"] = s.Text,
            ["evidence"] = JsonFields.Hashes(s.Evidence),
            ["height"] = s.Height,
            ["at"] = ApiViews.Time(s.TimeMs),
        })]);
        json["decision"] = d.Decision is { } decision ? new JsonObject
        {
            ["remedy"] = DisputeMessageJson.Remedy(decision.Remedy),
            ["rationale"] = decision.Rationale,
            ["digest"] = decision.Digest.ToString(),
            ["signers"] = JsonFields.Hashes(decision.Signers),
            ["height"] = decision.Height,
            ["at"] = ApiViews.Time(decision.TimeMs),
        } : null;
        json["appealProposal"] = d.AppealProposal?.ToString();
        json["appealStatus"] = view.AppealStatus is { } status ? Application.Governance.Proposals.ProposalStatuses.Name(status) : null;
        json["remedyHeight"] = d.RemedyHeight == 0 ? null : d.RemedyHeight;
        return json;
    }

    /// <summary>The draw redone from the record: each candidate's score, in draw order, and whether it gives the recorded panel.</summary>
    public static JsonObject Draw(DisputeRecord d, IReadOnlyList<string> groups)
    {
        var panel = d.Panel!;
        var order = PanelDraw.Order(d.Id, panel.SeedBlockId, panel.Candidates);
        var first = PanelDraw.Seat(d.Id, panel.SeedBlockId, panel.Candidates, groups, d.Rules.PanelSize);
        return new JsonObject
        {
            ["dispute"] = d.Id.ToString(),
            ["seedHeight"] = panel.SeedHeight,
            ["seedBlockId"] = panel.SeedBlockId.ToString(),
            ["panelSize"] = d.Rules.PanelSize,
            ["groups"] = JsonFields.Strings(groups),
            ["order"] = new JsonArray([.. order.Select(c => (JsonNode)new JsonObject
            {
                ["member"] = c.Member.ToString(),
                ["group"] = c.Group,
                ["score"] = PanelDraw.Score(d.Id, panel.SeedBlockId, c.Member).ToString(),
            })]),
            ["firstPanel"] = JsonFields.Hashes(first),
            ["conflicts"] = JsonFields.Hashes(d.Conflicts),
            ["panel"] = JsonFields.Hashes(panel.Members),
        };
    }

    /// <summary>Dispute rules as JSON.</summary>
    public static JsonObject Rules(DisputeRules rules) => new()
    {
        ["panelSize"] = rules.PanelSize,
        ["minPanelSize"] = rules.MinPanelSize,
        ["statementPeriodMs"] = rules.StatementPeriodMs,
        ["deliberationMs"] = rules.DeliberationMs,
        ["appealWindowMs"] = rules.AppealWindowMs,
        ["maxSuspensionMs"] = rules.MaxSuspensionMs,
        ["remedies"] = JsonFields.Strings(rules.Remedies.Select(Remedy.NameOf)),
    };

    /// <summary>Dispute rules from their JSON form (as <see cref="Rules(DisputeRules)"/> writes them).</summary>
    public static DisputeRules ReadRules(JsonObject json) => new(
        (uint)json["panelSize"]!,
        (uint)json["minPanelSize"]!,
        (ulong)json["statementPeriodMs"]!,
        (ulong)json["deliberationMs"]!,
        (ulong)json["appealWindowMs"]!,
        (ulong)json["maxSuspensionMs"]!,
        [.. ((JsonArray)json["remedies"]!).Select(r => Remedy.Parse((string)r!) ?? throw new FormatException($"Unknown remedy '{r}'.")).Order()]);

    private static ulong? NextDeadline(DisputeView view) => view.Phase switch
    {
        DisputePhase.Statements => view.Dispute.StatementsEndMs,
        DisputePhase.Deliberation => view.Dispute.DecisionDeadlineMs,
        DisputePhase.AppealWindow => view.Dispute.AppealEndMs,
        _ => null,
    };
}
