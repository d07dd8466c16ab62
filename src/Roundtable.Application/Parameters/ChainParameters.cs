using Roundtable.Application.Members;
using Roundtable.Core.Encoding;

namespace Roundtable.Application.Parameters;

/// <summary>
/// The rules a network is started with (and, later, changes by balanced governance):
/// stakeholder groups, regions, admission and key recovery.
/// </summary>
/// <param name="StakeholderGroups">Groups, ascending by id, 1–16.</param>
/// <param name="Regions">Regions, ascending by id, 1–64.</param>
/// <param name="Admission">How affiliation becomes verified.</param>
/// <param name="AttestationsRequired">Attestations from verified same-group members needed under <see cref="AdmissionRule.Attestation"/>, at most <see cref="MemberRecord.MaxAttestations"/>.</param>
/// <param name="RecoveryDelayMs">Block time between guardians reaching their threshold and the key being replaced; the old key can cancel meanwhile.</param>
/// <param name="MinValidatorGroups">Fewest stakeholder groups that must run validators (4 for a real network: then no group holds 1/3).</param>
public sealed record ChainParameters(
    IReadOnlyList<NamedEntry> StakeholderGroups,
    IReadOnlyList<NamedEntry> Regions,
    AdmissionRule Admission,
    uint AttestationsRequired,
    ulong RecoveryDelayMs,
    uint MinValidatorGroups = 1) : ICanonical<ChainParameters>
{
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

        return Admission is AdmissionRule.Attestation or AdmissionRule.Open ? null : "unknown admission rule";
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
        var parameters = new ChainParameters(groups, regions, admission, attestations, delay, minGroups);
        var problem = parameters.Validate();
        return problem is null ? parameters : throw new DecodeException(DecodeError.InvalidValue, "Parameters: " + problem + ".");
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
    public override int GetHashCode() => HashCode.Combine(StakeholderGroups.Count, Regions.Count, Admission, AttestationsRequired, RecoveryDelayMs, MinValidatorGroups);
}
