using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Names;
using Roundtable.Ledger.Validators;
using Roundtable.Node.Hosting;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.Json;

/// <summary>The JSON form of the governance messages (types 16–47); byte fields (ballots, salts, encoded parameters) are lower-case hex.</summary>
public static class GovernanceMessageJson
{
    private static readonly (MessageType Type, string Name)[] Names =
    [
        (MessageType.SubmitProposal, "submit-proposal"),
        (MessageType.CommentOnProposal, "comment-on-proposal"),
        (MessageType.ProposeAmendment, "propose-amendment"),
        (MessageType.ResolveAmendment, "resolve-amendment"),
        (MessageType.SponsorProposal, "sponsor-proposal"),
        (MessageType.WithdrawProposal, "withdraw-proposal"),
        (MessageType.CastVote, "cast-vote"),
        (MessageType.CommitVote, "commit-vote"),
        (MessageType.RevealVote, "reveal-vote"),
        (MessageType.RuleOnObjection, "rule-on-objection"),
        (MessageType.CallConsensus, "call-consensus"),
        (MessageType.AppealCall, "appeal-call"),
    ];

    /// <summary>The JSON type name, or null for a non-governance type.</summary>
    public static string? TypeName(MessageType type) => Names.FirstOrDefault(n => n.Type == type).Name;

    /// <summary>Adds the fields of a governance message to <paramref name="json"/>.</summary>
    public static void Write(JsonObject json, TxMessage message)
    {
        switch (message)
        {
            case SubmitProposal m:
                json["title"] = m.Title;
                json["document"] = Document(m.Document);
                json["action"] = Action(m.Action);
                json["chair"] = m.Chair.ToString();
                json["secret"] = m.Secret;
                break;
            case CommentOnProposal m:
                json["proposal"] = m.Proposal.ToString();
                json["text"] = m.Text;
                break;
            case ProposeAmendment m:
                json["proposal"] = m.Proposal.ToString();
                json["document"] = Document(m.Document);
                json["rationale"] = m.Rationale;
                break;
            case ResolveAmendment m:
                json["proposal"] = m.Proposal.ToString();
                json["amendment"] = m.Amendment;
                json["accept"] = m.Accept;
                break;
            case SponsorProposal m:
                json["proposal"] = m.Proposal.ToString();
                break;
            case WithdrawProposal m:
                json["proposal"] = m.Proposal.ToString();
                break;
            case CastVote m:
                json["proposal"] = m.Proposal.ToString();
                json["document"] = m.Document.ToString();
                json["ballot"] = Convert.ToHexStringLower(m.Ballot);
                break;
            case CommitVote m:
                json["proposal"] = m.Proposal.ToString();
                json["document"] = m.Document.ToString();
                json["commitment"] = m.Commitment.ToString();
                break;
            case RevealVote m:
                json["proposal"] = m.Proposal.ToString();
                json["ballot"] = Convert.ToHexStringLower(m.Ballot);
                json["salt"] = Convert.ToHexStringLower(m.Salt);
                break;
            case RuleOnObjection m:
                json["proposal"] = m.Proposal.ToString();
                json["objector"] = m.Objector.ToString();
                json["objectionDigest"] = m.ObjectionDigest.ToString();
                json["addressed"] = m.Addressed;
                json["rationale"] = m.Rationale;
                break;
            case CallConsensus m:
                json["proposal"] = m.Proposal.ToString();
                json["consensus"] = m.Consensus;
                json["rationale"] = m.Rationale;
                break;
            case AppealCall m:
                json["proposal"] = m.Proposal.ToString();
                json["reason"] = m.Reason;
                break;
        }
    }

    /// <summary>Reads a governance message of JSON type <paramref name="type"/>, or null when the type is not a governance one.</summary>
    public static TxMessage? Read(string type, JsonElement json) => type switch
    {
        "submit-proposal" => new SubmitProposal(String(json, "title"), Document(Required(json, "document")), Action(Required(json, "action")), Hash(json, "chair"), Bool(json, "secret")),
        "comment-on-proposal" => new CommentOnProposal(Hash(json, "proposal"), String(json, "text")),
        "propose-amendment" => new ProposeAmendment(Hash(json, "proposal"), Document(Required(json, "document")), String(json, "rationale")),
        "resolve-amendment" => new ResolveAmendment(Hash(json, "proposal"), UInt64(json, "amendment") is var n and <= uint.MaxValue ? (uint)n : throw new JsonFormException("Field 'amendment' is too large."), Bool(json, "accept")),
        "sponsor-proposal" => new SponsorProposal(Hash(json, "proposal")),
        "withdraw-proposal" => new WithdrawProposal(Hash(json, "proposal")),
        "cast-vote" => new CastVote(Hash(json, "proposal"), Hash(json, "document"), Hex(json, "ballot")),
        "commit-vote" => new CommitVote(Hash(json, "proposal"), Hash(json, "document"), Hash(json, "commitment")),
        "reveal-vote" => new RevealVote(Hash(json, "proposal"), Hex(json, "ballot"), Hex(json, "salt") is { Length: RevealVote.SaltSize } salt ? salt : throw new JsonFormException($"Field 'salt' must be {RevealVote.SaltSize} bytes.")),
        "rule-on-objection" => new RuleOnObjection(Hash(json, "proposal"), Hash(json, "objector"), Hash(json, "objectionDigest"), Bool(json, "addressed"), String(json, "rationale")),
        "call-consensus" => new CallConsensus(Hash(json, "proposal"), Bool(json, "consensus"), String(json, "rationale")),
        "appeal-call" => new AppealCall(Hash(json, "proposal"), String(json, "reason")),
        _ => null,
    };

    /// <summary>A document: {"markdown": …} or {"hash": …, "uri": …}.</summary>
    public static JsonObject Document(ProposalDocument document) => document.IsInline
        ? new JsonObject { ["markdown"] = document.Markdown, ["hash"] = document.Hash.ToString() }
        : new JsonObject { ["hash"] = document.Hash.ToString(), ["uri"] = document.Uri };

    /// <summary>An action with its "kind".</summary>
    public static JsonObject Action(ProposalAction action)
    {
        var json = new JsonObject { ["kind"] = KindName(action.Kind) };
        switch (action)
        {
            case BestPracticeSelection a:
                json["options"] = new JsonArray([.. a.Options.Select(o => (JsonNode)JsonValue.Create(o))]);
                break;
            case ParameterChange a:
                json["chainParameters"] = Convert.ToHexStringLower(a.ChainParameters);
                json["governanceParameters"] = Convert.ToHexStringLower(a.GovernanceParameters);
                break;
            case ValidatorChange a:
                json["validators"] = new JsonArray([.. a.Validators.Select(v => (JsonNode)new JsonObject
                {
                    ["key"] = v.Key.ToString(), ["name"] = v.Name, ["stakeholderGroup"] = v.StakeholderGroup, ["power"] = v.Power,
                })]);
                break;
            case SoftwareUpgrade a:
                json["version"] = a.Version;
                json["versionHash"] = a.VersionHash.ToString();
                json["haltHeight"] = a.HaltHeight;
                break;
            case EmergencyPause a:
                json["module"] = a.Module;
                json["durationMs"] = a.DurationMs;
                json["cancel"] = a.Cancel.ToString();
                break;
            case AnchorWithdrawal a:
                json["digest"] = a.Digest.ToString();
                json["replacement"] = a.Replacement?.ToString();
                json["reason"] = a.Reason;
                break;
            case ZoneChange a:
                json["origin"] = a.Origin;
                json["policy"] = a.Policy is null ? null : Convert.ToHexStringLower(Canonical.ToBytes(a.Policy));
                json["zone"] = a.Policy is null ? null : JsonSerializer.SerializeToNode(GenesisDocument.ZoneDocument.From(a.Policy), NodeJson.Api);
                break;
            case DisputeAppeal a:
                json["dispute"] = a.Dispute.ToString();
                break;
            case Assessment a:
                json["subject"] = a.Subject.ToString();
                json["criteriaList"] = a.CriteriaList.ToString();
                json["criteria"] = Strings(a.Criteria);
                json["grades"] = Strings(a.Grades);
                break;
        }

        return json;
    }

    /// <summary>The JSON name of a kind.</summary>
    public static string KindName(ProposalKind kind) => kind switch
    {
        ProposalKind.Recommendation => "recommendation",
        ProposalKind.BestPractice => "best-practice",
        ProposalKind.ParameterChange => "parameter-change",
        ProposalKind.ValidatorChange => "validator-change",
        ProposalKind.SoftwareUpgrade => "software-upgrade",
        ProposalKind.EmergencyPause => "emergency-pause",
        ProposalKind.AnchorWithdrawal => "anchor-withdrawal",
        ProposalKind.ZoneChange => "zone-change",
        ProposalKind.DisputeAppeal => "dispute-appeal",
        ProposalKind.Assessment => "assessment",
        _ => "unknown",
    };

    private static ProposalDocument Document(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFormException("Field 'document' must be an object: {\"markdown\": …} or {\"hash\": …, \"uri\": …}.");
        }

        try
        {
            return json.TryGetProperty("markdown", out _)
                ? ProposalDocument.Inline(String(json, "markdown"))
                : ProposalDocument.External(Hash(json, "hash"), String(json, "uri"));
        }
        catch (ArgumentException e)
        {
            throw new JsonFormException("Field 'document': " + e.Message);
        }
    }

    /// <summary>Reads an action from its JSON form (with "kind"); <see cref="JsonFormException"/> names what is wrong.</summary>
    public static ProposalAction Action(JsonElement json) => String(json, "kind") switch
    {
        "recommendation" => new Recommendation(),
        "best-practice" => new BestPracticeSelection([.. Array(json, "options").Select(o => o.ValueKind == JsonValueKind.String ? o.GetString()! : throw new JsonFormException("Each option must be a string."))]),
        "parameter-change" => new ParameterChange(Hex(json, "chainParameters"), Hex(json, "governanceParameters")),
        "validator-change" => new ValidatorChange([.. Array(json, "validators").Select(v => new Validator(ValidatorKey(v, "key"), String(v, "name"), String(v, "stakeholderGroup"), UInt64(v, "power")))]),
        "software-upgrade" => new SoftwareUpgrade(String(json, "version"), Hash(json, "versionHash"), UInt64(json, "haltHeight")),
        "emergency-pause" => new EmergencyPause(String(json, "module"), UInt64(json, "durationMs"), Hash(json, "cancel")),
        "anchor-withdrawal" => new AnchorWithdrawal(Hash(json, "digest"), OptionalHash(json, "replacement"), String(json, "reason")),
        "zone-change" => new ZoneChange(String(json, "origin"), ZonePolicyOf(json)),
        "dispute-appeal" => new DisputeAppeal(Hash(json, "dispute")),
        "assessment" => new Assessment(Hash(json, "subject"), Hash(json, "criteriaList"), StringList(json, "criteria"), StringList(json, "grades")),
        var kind => throw new JsonFormException($"Unknown proposal kind '{kind}'."),
    };

    /// <summary>
    /// The policy of a zone-change action: "policy" (its canonical bytes in hex, exact) when given,
    /// else "zone" (the readable form of genesis files), else null (retire the zone).
    /// </summary>
    private static ZonePolicy? ZonePolicyOf(JsonElement json)
    {
        if (json.TryGetProperty("policy", out var hex) && hex.ValueKind == JsonValueKind.String)
        {
            try
            {
                return Canonical.FromBytes<ZonePolicy>(Hex(json, "policy"));
            }
            catch (DecodeException e)
            {
                throw new JsonFormException("Field 'policy' is not a zone policy: " + e.Message);
            }
        }

        if (!json.TryGetProperty("zone", out var zone) || zone.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return (zone.Deserialize<GenesisDocument.ZoneDocument>(NodeJson.Api) ?? throw new JsonFormException("Field 'zone' is empty.")).ToPolicy();
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or OverflowException or ArgumentException)
        {
            throw new JsonFormException("Field 'zone': " + e.Message);
        }
    }

    private static bool Bool(JsonElement obj, string name) => Required(obj, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new JsonFormException($"Field '{name}' must be true or false."),
    };

    private static byte[] Hex(JsonElement obj, string name)
    {
        try
        {
            return Convert.FromHexString(String(obj, name));
        }
        catch (FormatException)
        {
            throw new JsonFormException($"Field '{name}' must be hex.");
        }
    }
}
