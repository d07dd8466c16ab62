using System.Text.Json.Nodes;
using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Application.PersonalData;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;
using Roundtable.Node.Chain;
using Roundtable.Node.Json;
using Roundtable.Node.PersonalData;

namespace Roundtable.Node.Api;

/// <summary>JSON views of ledger objects, shared by every endpoint that shows them.</summary>
public static class ApiViews
{
    /// <summary>Unix milliseconds as RFC 3339 UTC.</summary>
    public static string Time(ulong unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A validator.</summary>
    public static JsonObject Validator(Validator v) => new()
    {
        ["name"] = v.Name,
        ["publicKey"] = v.Key.ToString(),
        ["address"] = v.Key.Id.ToString(),
        ["stakeholderGroup"] = v.StakeholderGroup,
        ["power"] = v.Power,
    };

    /// <summary>A transaction result.</summary>
    public static JsonObject Result(TxResult r) => new()
    {
        ["code"] = TxCodeName(r.Code),
        ["ok"] = r.IsOk,
        ["reason"] = r.IsOk ? null : r.Reason,
    };

    /// <summary>The kebab-case name of a result code.</summary>
    public static string TxCodeName(TxCode code) => code switch
    {
        TxCode.Ok => "ok",
        TxCode.WrongChain => "wrong-chain",
        TxCode.BadSignature => "bad-signature",
        TxCode.Expired => "expired",
        TxCode.BadSequence => "bad-sequence",
        TxCode.UnknownSender => "unknown-sender",
        TxCode.KeyNotCurrent => "key-not-current",
        TxCode.Unauthorized => "unauthorized",
        TxCode.NotFound => "not-found",
        TxCode.AlreadyExists => "already-exists",
        TxCode.InvalidArgument => "invalid-argument",
        TxCode.Malformed => "malformed",
        TxCode.Oversize => "oversize",
        TxCode.Duplicate => "duplicate",
        TxCode.RelyingPartyNotAllowed => "relying-party-not-allowed",
        TxCode.WrongPhase => "wrong-phase",
        TxCode.ModulePaused => "module-paused",
        TxCode.CertificateRefused => "certificate-refused",
        TxCode.RemedyNotAllowed => "remedy-not-allowed",
        TxCode.PanelMajorityMissing => "panel-majority-missing",
        TxCode.CriteriaListUnknown => "criteria-list-unknown",
        TxCode.CriteriaListNotAdopted => "criteria-list-not-adopted",
        TxCode.AssessmentSubjectUnknown => "assessment-subject-unknown",
        TxCode.GradesDoNotFit => "grades-do-not-fit",
        TxCode.UnknownLegalBasis => "unknown-legal-basis",
        TxCode.UnknownRegion => "unknown-region",
        TxCode.UnknownTransferBasis => "unknown-transfer-basis",
        _ => "unknown",
    };

    /// <summary>A commit.</summary>
    public static JsonObject Commit(Commit c) => new()
    {
        ["height"] = c.Height,
        ["round"] = c.Round,
        ["blockId"] = c.BlockId.ToString(),
        ["signatures"] = new JsonArray([.. c.Signatures.Select(s => (JsonNode)new JsonObject
        {
            ["validator"] = s.Validator.ToString(),
            ["timestamp"] = Time(s.TimestampMs),
            ["signature"] = s.Signature.ToString(),
        })]),
    };

    /// <summary>A block header.</summary>
    public static JsonObject Header(BlockHeader h) => new()
    {
        ["chainId"] = h.ChainId,
        ["height"] = h.Height,
        ["time"] = Time(h.TimeMs),
        ["previousBlockId"] = h.PreviousBlockId.ToString(),
        ["txRoot"] = h.TxRoot.ToString(),
        ["stateRoot"] = h.StateRoot.ToString(),
        ["validatorSetHash"] = h.ValidatorSetHash.ToString(),
        ["nextValidatorSetHash"] = h.NextValidatorSetHash.ToString(),
        ["proposer"] = h.Proposer.ToString(),
        ["lastCommit"] = h.LastCommit is null ? null : Commit(h.LastCommit),
    };

    /// <summary>A validator set with its hash and total power.</summary>
    public static JsonObject ValidatorSet(ValidatorSet set) => new()
    {
        ["hash"] = set.Hash.ToString(),
        ["totalPower"] = set.TotalPower,
        ["validators"] = new JsonArray([.. set.Validators.Select(v => (JsonNode)Validator(v))]),
    };

    /// <summary>A stored block with header, transactions, results and commit.</summary>
    public static JsonObject Block(StoredBlock stored)
    {
        var h = stored.Block.Header;
        var txs = new JsonArray();
        for (var i = 0; i < stored.Block.Transactions.Count; i++)
        {
            var tx = TransactionJson.ToJson(stored.Block.Transactions[i]);
            tx["result"] = Result(stored.Results[i]);
            txs.Add(tx);
        }

        return new JsonObject
        {
            ["height"] = h.Height,
            ["id"] = stored.Block.Id.ToString(),
            ["header"] = Header(h),
            ["transactions"] = txs,
            ["commit"] = Commit(stored.Commit),
            ["encoded"] = Convert.ToHexStringLower(stored.Block.Encoded.Span),
        };
    }

    /// <summary>
    /// A member's recovery: each guardian's approval (only current guardians count), the key
    /// scheduled once enough agree, and when it takes effect. Empty when none is in progress.
    /// </summary>
    public static JsonObject Recovery(MemberRecord m, PendingRecovery? recovery) => new()
    {
        ["member"] = m.Id.ToString(),
        ["guardians"] = new JsonArray([.. m.Guardians.Select(a => (JsonNode)JsonValue.Create(a.ToString()))]),
        ["guardianThreshold"] = m.GuardianThreshold,
        ["approvals"] = new JsonArray([.. (recovery?.Approvals ?? []).Select(a => (JsonNode)new JsonObject
        {
            ["guardian"] = a.Guardian.ToString(),
            ["newKey"] = a.NewKey.ToString(),
        })]),
        ["scheduledKey"] = recovery?.ScheduledKey?.ToString(),
        ["readyAtMs"] = recovery?.ScheduledKey is null ? null : recovery.ReadyAtMs,
    };

    /// <summary>
    /// A member: only what the member published, with each profile field as <paramref name="personal"/>
    /// shows it (a value only while available), plus status and, when given, its certificate
    /// affiliation (<see cref="IdentityViews.Affiliation"/>).
    /// </summary>
    public static JsonObject Member(MemberRecord m, Func<Hash256, PersonalFieldView> personal, JsonObject? certifiedAffiliation = null)
    {
        var profile = new JsonObject();
        foreach (var f in m.Profile)
        {
            profile[f.Name] = PersonalDataViews.Field(personal(f.Commitment));
        }

        return new JsonObject
        {
            ["id"] = m.Id.ToString(),
            ["publicKey"] = m.Key.ToString(),
            ["displayName"] = m.DisplayName,
            ["stakeholderGroup"] = m.StakeholderGroup,
            ["region"] = m.Region,
            ["profile"] = profile,
            ["status"] = m.Status == MemberStatus.Active ? "active" : "key-revoked",
            ["verified"] = m.IsVerified,
            ["registeredAtHeight"] = m.RegisteredAtHeight,
            ["verifiedAtHeight"] = m.IsVerified ? m.VerifiedAtHeight : null,
            ["attestations"] = new JsonArray([.. m.Attestations.Select(a => (JsonNode)JsonValue.Create(a.ToString()))]),
            ["guardians"] = new JsonArray([.. m.Guardians.Select(a => (JsonNode)JsonValue.Create(a.ToString()))]),
            ["guardianThreshold"] = m.GuardianThreshold,
            ["sequence"] = m.Sequence,
            ["certifiedAffiliation"] = certifiedAffiliation,
        };
    }
}
