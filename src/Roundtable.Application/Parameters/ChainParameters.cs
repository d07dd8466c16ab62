using System.Security.Cryptography;
using System.Text;
using Roundtable.Application.Disputes;
using Roundtable.Application.Members;
using Roundtable.Core.Encoding;

namespace Roundtable.Application.Parameters;

/// <summary>
/// The rules a network is started with (and, later, changes by balanced governance):
/// stakeholder groups, regions, admission, key recovery and the sites whose passkeys may sign.
/// </summary>
/// <param name="StakeholderGroups">Groups, ascending by id, 1–16.</param>
/// <param name="Regions">Regions, ascending by id, 1–64.</param>
/// <param name="Admission">How affiliation becomes verified.</param>
/// <param name="AttestationsRequired">Attestations from verified same-group members needed under <see cref="AdmissionRule.Attestation"/>, at most <see cref="MemberRecord.MaxAttestations"/>.</param>
/// <param name="RecoveryDelayMs">Block time between guardians reaching their threshold and the key being replaced; the old key can cancel meanwhile.</param>
/// <param name="MinValidatorGroups">Fewest stakeholder groups that must run validators (4 for a real network: then no group holds 1/3).</param>
/// <param name="PasskeyRelyingParties">
/// WebAuthn relying-party ids (the portal's host names, e.g. "localhost" or "portal.example.org")
/// whose passkeys may sign transactions, ascending, at most <see cref="MaxRelyingParties"/>; null
/// or empty: no passkey may sign. Encoded as a trailing field only when not empty, so parameters
/// written before passkeys existed decode unchanged.
/// </param>
/// <param name="TrustAnchors">
/// Trust services whose X.509 certificates may verify affiliations, ascending by name, at most
/// <see cref="MaxTrustAnchors"/>; null or empty: none. Encoded after the relying-party list (written
/// then even when empty) only when not empty, so parameters written before trust anchors existed
/// decode unchanged and encode to the same bytes.
/// </param>
/// <param name="Disputes">
/// How disputes run (docs/disputes.md); null: <see cref="DisputeRules.Default"/>. Encoded after the
/// trust anchors (both lists written then, even when empty) only when given, so parameters written
/// before disputes existed decode unchanged and encode to the same bytes.
/// </param>
public sealed record ChainParameters(
    IReadOnlyList<NamedEntry> StakeholderGroups,
    IReadOnlyList<NamedEntry> Regions,
    AdmissionRule Admission,
    uint AttestationsRequired,
    ulong RecoveryDelayMs,
    uint MinValidatorGroups = 1,
    IReadOnlyList<string>? PasskeyRelyingParties = null,
    IReadOnlyList<TrustAnchor>? TrustAnchors = null,
    DisputeRules? Disputes = null) : ICanonical<ChainParameters>
{
    /// <summary>The dispute rules in force (never null).</summary>
    public DisputeRules DisputeRulesInForce => Disputes ?? DisputeRules.Default;

    /// <summary>Most trust anchors.</summary>
    public const int MaxTrustAnchors = 4;

    /// <summary>The trust anchors (never null).</summary>
    public IReadOnlyList<TrustAnchor> Anchors => TrustAnchors ?? [];

    /// <summary>The trust anchor named <paramref name="name"/>, or null.</summary>
    public TrustAnchor? FindAnchor(string name) => Anchors.FirstOrDefault(a => a.Name == name);

    /// <summary>Most passkey relying-party ids.</summary>
    public const int MaxRelyingParties = 16;

    /// <summary>Longest relying-party id, in bytes (a DNS name).</summary>
    public const int MaxRelyingPartyBytes = 253;

    /// <summary>The relying-party ids whose passkeys may sign (never null).</summary>
    public IReadOnlyList<string> RelyingParties => PasskeyRelyingParties ?? [];

    /// <summary>True when <paramref name="rpIdHash"/> (the first 32 bytes of a passkey's authenticator data) is SHA-256 of an allowed relying-party id.</summary>
    public bool AllowsRelyingParty(ReadOnlySpan<byte> rpIdHash)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        foreach (var id in RelyingParties)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
            if (hash.SequenceEqual(rpIdHash))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="id"/> has the form of a relying-party id: a lower-case host name (letters, digits, '-', '.').</summary>
    public static bool IsValidRelyingParty(string id) =>
        id.Length is > 0 and <= MaxRelyingPartyBytes && id[0] != '.' && id[^1] != '.' && !id.Contains("..", StringComparison.Ordinal)
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.');

    /// <summary>Most stakeholder groups.</summary>
    public const int MaxGroups = 16;

    /// <summary>Most regions.</summary>
    public const int MaxRegions = 64;

    /// <summary>True when <paramref name="id"/> names a stakeholder group.</summary>
    public bool HasGroup(string id) => StakeholderGroups.Any(g => g.Id == id);

    /// <summary>True when <paramref name="id"/> names a region.</summary>
    public bool HasRegion(string id) => Regions.Any(r => r.Id == id);

    /// <summary>Null when the parameters are coherent, otherwise the reason.</summary>
    public string? Validate()
    {
        if (StakeholderGroups.Count is 0 or > MaxGroups)
        {
            return $"there must be 1 to {MaxGroups} stakeholder groups";
        }

        if (Regions.Count is 0 or > MaxRegions)
        {
            return $"there must be 1 to {MaxRegions} regions";
        }

        if (!IsStrictlyAscending(StakeholderGroups) || !IsStrictlyAscending(Regions))
        {
            return "group and region ids must be unique and sorted";
        }

        if (MinValidatorGroups == 0 || MinValidatorGroups > StakeholderGroups.Count)
        {
            return "the minimum number of validator groups must be between 1 and the number of groups";
        }

        if (Admission == AdmissionRule.Attestation && AttestationsRequired == 0)
        {
            return "attestation admission needs at least one attestation";
        }

        if (AttestationsRequired > MemberRecord.MaxAttestations)
        {
            return $"at most {MemberRecord.MaxAttestations} attestations can be required (a member record keeps no more)";
        }

        if (RelyingParties.Count > MaxRelyingParties)
        {
            return $"at most {MaxRelyingParties} passkey relying-party ids";
        }

        if (RelyingParties.Any(id => !IsValidRelyingParty(id)))
        {
            return "a passkey relying-party id is a lower-case host name (letters, digits, '-' and '.')";
        }

        for (var i = 1; i < RelyingParties.Count; i++)
        {
            if (string.CompareOrdinal(RelyingParties[i - 1], RelyingParties[i]) >= 0)
            {
                return "passkey relying-party ids must be unique and sorted";
            }
        }

        if (AnchorsProblem() is { } anchors)
        {
            return anchors;
        }

        if (Disputes?.Validate() is { } disputes)
        {
            return "disputes: " + disputes;
        }

        return Admission is AdmissionRule.Attestation or AdmissionRule.Open ? null : "unknown admission rule";
    }

    private string? AnchorsProblem()
    {
        if (Anchors.Count > MaxTrustAnchors)
        {
            return $"at most {MaxTrustAnchors} trust anchors";
        }

        for (var i = 0; i < Anchors.Count; i++)
        {
            if (i > 0 && string.CompareOrdinal(Anchors[i - 1].Name, Anchors[i].Name) >= 0)
            {
                return "trust anchor names must be unique and sorted";
            }

            if (Anchors[i].Problem(HasGroup) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool IsStrictlyAscending(IReadOnlyList<NamedEntry> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (string.CompareOrdinal(entries[i - 1].Id, entries[i].Id) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteList(StakeholderGroups, static (w, e) => e.Encode(w));
        writer.WriteList(Regions, static (w, e) => e.Encode(w));
        writer.WriteByte((byte)Admission);
        writer.WriteVarUInt(AttestationsRequired);
        writer.WriteVarUInt(RecoveryDelayMs);
        writer.WriteVarUInt(MinValidatorGroups);
        // Each optional trailing field is written when it or a later one is present.
        if (RelyingParties.Count > 0 || Anchors.Count > 0 || Disputes is not null)
        {
            writer.WriteList(RelyingParties, static (w, id) => w.WriteString(id));
        }

        if (Anchors.Count > 0 || Disputes is not null)
        {
            writer.WriteList(Anchors, static (w, a) => a.Encode(w));
        }

        Disputes?.Encode(writer);
    }

    /// <inheritdoc />
    public static ChainParameters Decode(ref CanonicalReader reader)
    {
        var groups = ReadEntries(ref reader, MaxGroups, "stakeholder group count");
        var regions = ReadEntries(ref reader, MaxRegions, "region count");
        var admission = (AdmissionRule)reader.ReadByte();
        var attestations = (uint)reader.ReadVarUInt(uint.MaxValue, "attestations required");
        var delay = reader.ReadVarUInt();
        var minGroups = (uint)reader.ReadVarUInt(MaxGroups, "minimum validator groups");
        var relyingParties = ReadRelyingParties(ref reader);
        TrustAnchor[]? anchors = null;
        if (reader.Remaining > 0)
        {
            // Trailing and optional: absent on chains started before trust anchors; empty only when dispute rules follow.
            var count = reader.ReadLength(MaxTrustAnchors, "trust anchor count");
            anchors = new TrustAnchor[count];
            for (var i = 0; i < count; i++)
            {
                anchors[i] = TrustAnchor.Decode(ref reader);
            }
        }

        // Trailing and optional: absent on chains started before disputes, or that keep the default rules.
        var disputes = reader.Remaining > 0 ? DisputeRules.Decode(ref reader) : null;
        if (disputes is null && anchors is [])
        {
            throw new DecodeException(DecodeError.NonCanonical, "An empty list of trust anchors is written as no list.");
        }

        if (disputes is null && anchors is null && relyingParties is [])
        {
            throw new DecodeException(DecodeError.NonCanonical, "An empty list of passkey relying-party ids is written as no list.");
        }

        var parameters = new ChainParameters(
            groups, regions, admission, attestations, delay, minGroups, relyingParties is [] ? null : relyingParties, anchors is [] ? null : anchors, disputes);
        var problem = parameters.Validate();
        return problem is null ? parameters : throw new DecodeException(DecodeError.InvalidValue, "Parameters: " + problem + ".");
    }

    private static string[]? ReadRelyingParties(ref CanonicalReader reader)
    {
        if (reader.Remaining == 0)
        {
            // Trailing and optional: absent on chains started before passkeys.
            return null;
        }

        // Empty only when trust anchors or dispute rules follow (checked by the caller).
        var count = reader.ReadLength(MaxRelyingParties, "passkey relying-party count");
        var relyingParties = new string[count];
        for (var i = 0; i < count; i++)
        {
            relyingParties[i] = reader.ReadString(MaxRelyingPartyBytes, "passkey relying-party id");
        }

        return relyingParties;
    }

    private static NamedEntry[] ReadEntries(ref CanonicalReader reader, int max, string what)
    {
        var count = reader.ReadLength(max, what);
        var entries = new NamedEntry[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = NamedEntry.Decode(ref reader);
        }

        return entries;
    }

    /// <inheritdoc />
    public bool Equals(ChainParameters? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StakeholderGroups.Count, Regions.Count, Admission, AttestationsRequired, RecoveryDelayMs, MinValidatorGroups, RelyingParties.Count, Anchors.Count);
}
