using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Parameters;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Node.Json;

namespace Roundtable.Node.Api;

/// <summary>JSON views of proposals and their counts. Fractions are exact ("2/3") with a 4-digit decimal beside them for people.</summary>
public static class GovernanceViews
{
    /// <summary>A proposal in a list.</summary>
    public static JsonObject Summary(ProposalRecord p) => new()
    {
        ["id"] = p.Id.ToString(),
        ["kind"] = GovernanceMessageJson.KindName(p.Kind),
        ["title"] = p.Title,
        ["status"] = p.Status.Name(),
        ["method"] = p.Rule.Method.Name(),
        ["secret"] = p.Secret,
        ["author"] = p.Author.ToString(),
        ["documentHash"] = p.Document.Hash.ToString(),
        ["submittedAt"] = ApiViews.Time(p.SubmittedAtMs),
        ["nextTransitionAt"] = p.DueMs == 0 ? null : ApiViews.Time(p.DueMs),
        ["sponsors"] = p.Sponsors.Count,
        ["ballots"] = p.Voters,
        ["outcome"] = p.Outcome.Length == 0 ? null : p.Outcome,
    };

    /// <summary>One proposal with its document, action, rule and count.</summary>
    public static JsonObject Detail(ProposalRecord p, ProposalTallyReport? report)
    {
        var json = Summary(p);
        json["document"] = GovernanceMessageJson.Document(p.Document);
        json["action"] = GovernanceMessageJson.Action(p.Action);
        json["chair"] = p.Chair.ToString();
        json["sponsorIds"] = new JsonArray([.. p.Sponsors.Select(s => (JsonNode)JsonValue.Create(s.ToString()))]);
        json["comments"] = p.Comments;
        json["amendments"] = p.Amendments;
        json["votingOpenedHeight"] = p.VotingOpenedHeight == 0 ? null : p.VotingOpenedHeight;
        json["winner"] = p.Winner == 0 ? null : new JsonObject { ["option"] = p.Winner - 1, ["label"] = p.Options[(int)p.Winner - 1] };
        json["callRationale"] = p.CallRationale.Length == 0 ? null : p.CallRationale;
        json["appellant"] = p.Appellant.IsZero ? null : p.Appellant.ToString();
        json["rule"] = Rule(p.Rule);
        json["result"] = report is null ? null : Result(report);
        return json;
    }

    /// <summary>Chain parameters and governance rules, as a parameter-change proposal sees them.</summary>
    public static JsonObject Parameters(ChainParameters chain, GovernanceParameters governance, ulong height) => new()
    {
        ["height"] = height,
        ["stakeholderGroups"] = new JsonArray([.. chain.StakeholderGroups.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["name"] = g.Name })]),
        ["regions"] = new JsonArray([.. chain.Regions.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["name"] = r.Name })]),
        ["admission"] = chain.Admission.ToString().ToLowerInvariant(),
        ["attestationsRequired"] = chain.AttestationsRequired,
        ["recoveryDelayMs"] = chain.RecoveryDelayMs,
        ["minValidatorGroups"] = chain.MinValidatorGroups,
        ["passkeyRelyingParties"] = JsonFields.Strings(chain.RelyingParties),
        ["trustAnchors"] = IdentityViews.Anchors(chain),
        ["disputes"] = chain.Disputes is { } disputes ? DisputeViews.Rules(disputes) : null,
        ["disputeRulesInForce"] = DisputeViews.Rules(chain.DisputeRulesInForce),
        ["governance"] = new JsonObject
        {
            ["rules"] = RulesByKind(governance),
            ["constitutional"] = Rule(governance.Constitutional),
            ["maxPauseMs"] = governance.MaxPauseMs,
        },
    };

    /// <summary>
    /// The rule of every kind, named; a kind decided under another kind's rule (anchor withdrawals
    /// on chains whose rules predate them) says which in <c>ruleOf</c>.
    /// </summary>
    public static JsonArray RulesByKind(GovernanceParameters governance) =>
        new([.. Enum.GetValues<ProposalKind>().Select(kind =>
        {
            var json = Rule(governance.RuleOf(kind));
            json["kind"] = GovernanceMessageJson.KindName(kind);
            json["ruleOf"] = GovernanceMessageJson.KindName(governance.RuleKindOf(kind));
            return (JsonNode)json;
        })]);

    /// <summary>A rule.</summary>
    public static JsonObject Rule(ProposalRule r) => new()
    {
        ["method"] = r.Method.Name(),
        ["quorum"] = Fraction(r.Quorum),
        ["threshold"] = r.Threshold.ToString(),
        ["requiredGroups"] = r.RequiredGroups,
        ["sponsorsRequired"] = r.SponsorsRequired,
        ["deliberationMs"] = r.DeliberationMs,
        ["votingMs"] = r.VotingMs,
        ["revealMs"] = r.RevealMs,
        ["callMs"] = r.CallMs,
        ["appealWindowMs"] = r.AppealWindowMs,
        ["timelockMs"] = r.TimelockMs,
    };

    private static JsonObject Result(ProposalTallyReport report)
    {
        var json = new JsonObject
        {
            ["electors"] = report.Electorate.Count,
            ["electorsByGroup"] = Map(report.Electorate.GroupSizes, n => n),
            ["electorsByRegion"] = Map(report.Electorate.RegionSizes, n => n),
        };
        if (report.Secret is { } s)
        {
            json["secretBallot"] = new JsonObject
            {
                ["total"] = Commitments(s.Total),
                ["byGroup"] = Map(s.ByGroup, Commitments),
                ["byRegion"] = Map(s.ByRegion, Commitments),
            };
        }

        if (report.Majority is { } m)
        {
            json["majority"] = new JsonObject
            {
                ["passed"] = m.Passed, ["quorumMet"] = m.QuorumMet, ["thresholdMet"] = m.ThresholdMet,
                ["total"] = YesNo(m.Total), ["byGroup"] = Map(m.ByGroup, YesNo), ["byRegion"] = Map(m.ByRegion, YesNo),
            };
        }

        if (report.Balanced is { } b)
        {
            json["balanced"] = new JsonObject
            {
                ["passed"] = b.Passed,
                ["balancedSupport"] = b.BalancedSupport is { } support ? Fraction(support) : null,
                ["thresholdMet"] = b.ThresholdMet,
                ["groupsCounted"] = b.GroupsCounted,
                ["groupsWithMajority"] = b.GroupsWithMajority,
                ["requiredGroupsMet"] = b.RequiredGroupsMet,
                ["total"] = YesNo(b.Total),
                ["byGroup"] = Map(b.ByGroup, g => new JsonObject
                {
                    ["counts"] = YesNo(g.Counts),
                    ["support"] = g.Support is { } gs ? Fraction(gs) : null,
                    ["counted"] = g.Counted,
                    ["weight"] = Fraction(g.Weight),
                    ["hasOwnMajority"] = g.HasOwnMajority,
                }),
                ["byRegion"] = Map(b.ByRegion, YesNo),
            };
        }

        if (report.Approval is { } a)
        {
            json["approval"] = new JsonObject
            {
                ["balanced"] = a.Balanced,
                ["winner"] = a.Winner,
                ["scores"] = new JsonArray([.. a.Scores.Select(x => (JsonNode)Fraction(x))]),
                ["approvals"] = new JsonArray([.. a.Approvals.Select(x => (JsonNode)JsonValue.Create(x))]),
                ["voters"] = a.Voters,
                ["byGroup"] = Map(a.ByGroup, Approval),
                ["byRegion"] = Map(a.ByRegion, Approval),
            };
        }

        if (report.Ranked is { } r)
        {
            json["ranked"] = new JsonObject
            {
                ["balanced"] = r.Balanced,
                ["winner"] = r.Winner,
                ["ranking"] = new JsonArray([.. r.Ranking.Select(x => (JsonNode)JsonValue.Create(x))]),
                ["voters"] = r.Voters,
                ["byGroup"] = Map(r.ByGroup, Ranked),
                ["byRegion"] = Map(r.ByRegion, Ranked),
            };
        }

        if (report.Grades is { } grades)
        {
            json["assessment"] = AssessmentViews.Result(report.Proposal, grades);
        }

        if (report.Consensus is { } c)
        {
            json["consensus"] = new JsonObject
            {
                ["consensusCallAdmissible"] = c.Admissible,
                ["total"] = Positions(c.Total),
                ["byGroup"] = Map(c.ByGroup, Positions),
                ["byRegion"] = Map(c.ByRegion, Positions),
                ["objections"] = new JsonArray([.. c.Objections.Select(o => (JsonNode)new JsonObject
                {
                    ["objector"] = o.Objector.MemberId.ToString(),
                    ["group"] = o.Objector.Group,
                    ["reason"] = o.Reason,
                    ["digest"] = o.Digest.ToString(),
                    ["status"] = o.Status switch { ObjectionStatus.Addressed => "addressed", ObjectionStatus.NotAddressed => "not-addressed", _ => "no-ruling" },
                    ["rationale"] = o.Rationale.Length == 0 ? null : o.Rationale,
                })]),
            };
        }

        return json;
    }

    /// <summary>An exact fraction with a 4-digit decimal beside it.</summary>
    internal static JsonObject Fraction(Rational r) => new() { ["exact"] = r.ToString(), ["decimal"] = r.ToDecimalString(4) };

    private static JsonObject YesNo(YesNoCounts c) => new() { ["electors"] = c.Electors, ["yes"] = c.Yes, ["no"] = c.No, ["abstain"] = c.Abstain };

    private static JsonObject Positions(PositionCounts c) => new()
    {
        ["electors"] = c.Electors, ["support"] = c.Support, ["standAside"] = c.StandAside, ["object"] = c.Object, ["unaddressed"] = c.Unaddressed,
    };

    private static JsonObject Commitments(CommitmentCounts c) => new() { ["electors"] = c.Electors, ["committed"] = c.Committed, ["revealed"] = c.Revealed };

    private static JsonObject Approval(ApprovalCounts c) => new()
    {
        ["electors"] = c.Electors, ["voters"] = c.Voters, ["approvals"] = new JsonArray([.. c.Approvals.Select(x => (JsonNode)JsonValue.Create(x))]), ["winner"] = c.Winner,
    };

    private static JsonObject Ranked(RankedCounts c) => new() { ["electors"] = c.Electors, ["voters"] = c.Voters, ["winner"] = c.Winner };

    /// <summary>A JSON object with one entry per key, in key order.</summary>
    internal static JsonObject Map<T>(ImmutableSortedDictionary<string, T> entries, Func<T, JsonNode> view)
    {
        var json = new JsonObject();
        foreach (var (key, value) in entries)
        {
            json[key] = view(value);
        }

        return json;
    }
}
