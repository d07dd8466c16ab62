using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.PersonalData;
using static Roundtable.Node.Json.JsonFields;

namespace Roundtable.Node.Json;

/// <summary>
/// The JSON form of transaction messages, for the API and the CLI. The canonical binary encoding
/// is what is signed; JSON exists only at the edges and maps one-to-one onto it.
/// </summary>
public static class MessageJson
{
    /// <summary>The JSON type name of a message type.</summary>
    public static string TypeName(MessageType type) => type switch
    {
        MessageType.RegisterMember => "register-member",
        MessageType.AttestAffiliation => "attest-affiliation",
        MessageType.RotateKey => "rotate-key",
        MessageType.SetGuardians => "set-guardians",
        MessageType.ApproveRecovery => "approve-recovery",
        MessageType.CancelRecovery => "cancel-recovery",
        MessageType.RevokeKey => "revoke-key",
        MessageType.WithdrawPersonalField => "withdraw-personal-field",
        _ when IdentityMessageJson.TypeName(type) is { } identity => identity,
        _ when GovernanceMessageJson.TypeName(type) is { } governance => governance,
        _ when SessionMessageJson.Handles(type) => SessionMessageJson.TypeName(type),
        _ when NotaryMessageJson.Handles(type) => NotaryMessageJson.TypeName(type),
        _ when NameMessageJson.Handles(type) => NameMessageJson.TypeName(type),
        _ when DisputeMessageJson.Handles(type) => DisputeMessageJson.TypeName(type),
        _ when PracticeMessageJson.Handles(type) => PracticeMessageJson.TypeName(type),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown message type."),
    };

    /// <summary>A message as a JSON object with a "type" field.</summary>
    public static JsonObject ToJson(TxMessage message)
    {
        var json = new JsonObject { ["type"] = TypeName(message.Type) };
        switch (message)
        {
            case RegisterMember m:
                json["displayName"] = m.DisplayName;
                json["stakeholderGroup"] = m.StakeholderGroup;
                json["region"] = m.Region;
                var profile = new JsonObject();
                foreach (var f in m.Profile)
                {
                    profile[f.Name] = f.Commitment.ToString();
                }

                json["profile"] = profile;
                break;
            case AttestAffiliation m:
                json["member"] = m.Member.ToString();
                break;
            case RotateKey m:
                json["newKey"] = m.NewKey.ToString();
                json["possession"] = m.Possession.ToString();
                break;
            case SetGuardians m:
                json["guardians"] = new JsonArray([.. m.Guardians.Select(g => (JsonNode)JsonValue.Create(g.ToString()))]);
                json["threshold"] = m.Threshold;
                break;
            case ApproveRecovery m:
                json["member"] = m.Member.ToString();
                json["newKey"] = m.NewKey.ToString();
                break;
            case WithdrawPersonalField m:
                json["commitment"] = m.Commitment.ToString();
                break;
            default:
                GovernanceMessageJson.Write(json, message);
                break;
        }

        SessionMessageJson.AddFields(json, message);
        NotaryMessageJson.AddFields(json, message);
        NameMessageJson.AddFields(json, message);
        DisputeMessageJson.AddFields(json, message);
        IdentityMessageJson.AddFields(json, message);
        PracticeMessageJson.AddFields(json, message);
        return json;
    }

    /// <summary>Reads a message from its JSON form; <see cref="JsonFormException"/> names what is wrong.</summary>
    public static TxMessage FromJson(JsonElement json)
    {
        RequireValidText(json);
        var type = String(json, "type");
        return type switch
        {
            "register-member" => new RegisterMember(String(json, "displayName"), String(json, "stakeholderGroup"), String(json, "region"), Profile(json)),
            "attest-affiliation" => new AttestAffiliation(Hash(json, "member")),
            "rotate-key" => new RotateKey(Key(json, "newKey"), Signature(json, "possession")),
            "set-guardians" => new SetGuardians(
                [.. Array(json, "guardians").Select(g => g.ValueKind == JsonValueKind.String && Core.Hashing.Hash256.TryParse(g.GetString(), out var h) ? h : throw new JsonFormException("Each guardian must be a member id (64 hex characters).")).Order()],
                UInt64(json, "threshold") is var threshold and <= uint.MaxValue ? (uint)threshold : throw new JsonFormException("Field 'threshold' is too large.")),
            "approve-recovery" => new ApproveRecovery(Hash(json, "member"), Key(json, "newKey")),
            "cancel-recovery" => new CancelRecovery(),
            "revoke-key" => new RevokeKey(),
            "withdraw-personal-field" => new WithdrawPersonalField(Hash(json, "commitment")),
            _ when GovernanceMessageJson.Read(type, json) is { } governance => governance,
            _ when SessionMessageJson.FromJson(type, json) is { } session => session,
            _ when NotaryMessageJson.FromJson(type, json) is { } notary => notary,
            _ when NameMessageJson.FromJson(type, json) is { } name => name,
            _ when DisputeMessageJson.FromJson(type, json) is { } dispute => dispute,
            _ when IdentityMessageJson.FromJson(type, json) is { } identity => identity,
            _ when PracticeMessageJson.FromJson(type, json) is { } practice => practice,
            _ => throw new JsonFormException($"Unknown message type '{type}'."),
        };
    }

    private static ProfileField[] Profile(JsonElement json)
    {
        if (!json.TryGetProperty("profile", out var profile) || profile.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (profile.ValueKind != JsonValueKind.Object)
        {
            throw new JsonFormException("Field 'profile' must be an object of name → commitment (64 hex characters).");
        }

        return [.. profile.EnumerateObject()
            .Select(p => new ProfileField(p.Name, p.Value.ValueKind == JsonValueKind.String && Core.Hashing.Hash256.TryParse(p.Value.GetString(), out var c)
                ? c
                : throw new JsonFormException($"Profile field '{p.Name}' must be a commitment (64 hex characters); its value travels beside the transaction (docs/personal-data.md).")))
            .OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}
