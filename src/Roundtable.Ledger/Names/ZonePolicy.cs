using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Names;

/// <summary>A name server of a zone's apex, with its address when it lies inside the zone (glue).</summary>
/// <param name="Host">Absolute name, e.g. <c>ns1.forum.internal.</c>.</param>
/// <param name="Address">4 (IPv4) or 16 (IPv6) bytes, or empty.</param>
public sealed record ZoneNameServer(string Host, byte[] Address)
{
    /// <inheritdoc />
    public bool Equals(ZoneNameServer? other) => other is not null && Host == other.Host && Address.AsSpan().SequenceEqual(other.Address);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Host, Address.Length);
}

/// <summary>
/// A co-governed zone and the rules its names live by (docs/dns.md): who may register (members of
/// these stakeholder groups, verified or not), which labels, for how long, with which records. The
/// apex SOA and NS are built from it; the SOA serial follows the committed height.
/// </summary>
/// <param name="Origin">The zone, absolute (<c>forum.internal.</c>).</param>
/// <param name="Contact">The SOA RNAME: the zone's contact as a name (<c>hostmaster.forum.internal.</c>).</param>
/// <param name="NameServers">The apex NS set (1–13).</param>
/// <param name="RegistrantGroups">Stakeholder groups whose members may register; empty for every group.</param>
/// <param name="RequireVerified">Only verified members may register.</param>
/// <param name="MinLabelLength">Shortest label a member may register.</param>
/// <param name="ReservedLabels">Labels nobody may register (sorted, distinct).</param>
/// <param name="RegistrationPeriodMs">How long a registration or renewal lasts.</param>
/// <param name="GracePeriodMs">After expiry, how long only the holder may renew (the name stops resolving meanwhile).</param>
/// <param name="MaxRecordsPerName">Most records one name carries (at most <see cref="NameRecord.MaxRecords"/>).</param>
/// <param name="AllowedTypes">Record types names may publish (sorted, distinct).</param>
/// <param name="AllowWildcards">Whether a record owner may be <c>*</c> or start with <c>*.</c> (RFC 4592).</param>
/// <param name="Ttl">TTL of the apex records and of negative answers (SOA minimum).</param>
/// <param name="Secondaries">
/// Servers allowed to copy the zone by AXFR/IXFR and told of changes by NOTIFY (sorted, distinct),
/// besides the zone's own name servers: addresses only, since their TSIG secrets must never be public;
/// each operator configures the secret of the key named <paramref name="TransferKey"/>.
/// </param>
/// <param name="TransferKey">The TSIG key name transfers must be signed with, or empty for address-only checks.</param>
/// <param name="SigningKeys">The operators' DNSSEC keys (at most 32, distinct points); empty for an unsigned zone.</param>
public sealed record ZonePolicy(
    string Origin,
    string Contact,
    IReadOnlyList<ZoneNameServer> NameServers,
    IReadOnlyList<string> RegistrantGroups,
    bool RequireVerified,
    uint MinLabelLength,
    IReadOnlyList<string> ReservedLabels,
    ulong RegistrationPeriodMs,
    ulong GracePeriodMs,
    uint MaxRecordsPerName,
    IReadOnlyList<DnsRecordType> AllowedTypes,
    bool AllowWildcards,
    uint Ttl,
    IReadOnlyList<ZoneSecondary> Secondaries,
    string TransferKey,
    IReadOnlyList<ZoneSigningKey> SigningKeys) : ICanonical<ZonePolicy>
{
    private const int MaxNameServers = 13;
    private const int MaxReserved = 1000;
    private const int MaxSecondaries = 64;
    private const int MaxSigningKeys = 32;

    /// <summary>Null when the policy is usable on a chain whose stakeholder groups <paramref name="groupExists"/> knows; otherwise why not.</summary>
    public string? Problem(Func<string, bool> groupExists)
    {
        if ((DomainNames.OriginProblem(Origin) ?? DomainNames.OriginProblem(Contact)) is { } nameProblem)
        {
            return nameProblem;
        }

        if (NameServers.Count is 0 or > MaxNameServers)
        {
            return $"a zone has 1 to {MaxNameServers} name servers";
        }

        foreach (var ns in NameServers)
        {
            if (DomainNames.OriginProblem(ns.Host) is { } problem)
            {
                return "name server: " + problem;
            }

            if (ns.Address.Length is not (0 or 4 or 16))
            {
                return $"name server {ns.Host}: an address has 4 or 16 bytes";
            }

            if (ns.Host.EndsWith("." + Origin, StringComparison.Ordinal) && ns.Address.Length == 0)
            {
                return $"name server {ns.Host} lies inside the zone, so it needs its address (glue)";
            }
        }

        if (RegistrantGroups.FirstOrDefault(g => !groupExists(g)) is { } unknown)
        {
            return $"'{unknown}' is not a stakeholder group of this chain";
        }

        if (MinLabelLength is 0 or > DomainNames.MaxLabelLength)
        {
            return $"the shortest label is 1 to {DomainNames.MaxLabelLength} characters";
        }

        if (ReservedLabels.FirstOrDefault(l => DomainNames.LabelProblem(l) is not null) is { } badReserved)
        {
            return $"reserved label '{badReserved}' is not a label";
        }

        if (RegistrationPeriodMs == 0 || MaxRecordsPerName is 0 or > NameRecord.MaxRecords || AllowedTypes.Count == 0)
        {
            return $"a zone needs a registration period, 1 to {NameRecord.MaxRecords} records per name and at least one record type";
        }

        if (AllowedTypes.Where(t => !Enum.IsDefined(t)).Select(t => (ushort)t).FirstOrDefault() is var unknownType and not 0)
        {
            return $"record type {unknownType} is not one names may publish";
        }

        if (Secondaries.Count > MaxSecondaries || Secondaries.Any(s => s.Address.Length is not (4 or 16) || s.Port == 0))
        {
            return $"at most {MaxSecondaries} secondaries, each an IPv4 or IPv6 address and a port";
        }

        if (TransferKey.Length > 0 && DomainNames.OriginProblem(TransferKey.EndsWith('.') ? TransferKey : TransferKey + ".") is not null)
        {
            return $"the transfer key name '{TransferKey}' is not a domain name";
        }

        if (SigningKeys.Count > MaxSigningKeys || SigningKeys.Select(k => Convert.ToHexString(k.PublicKey)).Distinct(StringComparer.Ordinal).Count() != SigningKeys.Count)
        {
            return $"at most {MaxSigningKeys} signing keys, each published once";
        }

        if (SigningKeys.Select(k => k.Problem()).FirstOrDefault(p => p is not null) is { } keyProblem)
        {
            return keyProblem;
        }

        if (SigningKeys.Count > 0 && !SigningKeys.Any(k => k.Active))
        {
            return "a signed zone needs at least one active signing key";
        }

        return Ttl is 0 or > NameRecord.MaxTtl ? $"the zone TTL is 1 to {NameRecord.MaxTtl} seconds" : null;
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Origin);
        writer.WriteString(Contact);
        writer.WriteList(NameServers, static (w, ns) =>
        {
            w.WriteString(ns.Host);
            w.WriteBytes(ns.Address);
        });
        BoundedText.WriteList(writer, RegistrantGroups);
        writer.WriteBool(RequireVerified);
        writer.WriteVarUInt(MinLabelLength);
        BoundedText.WriteList(writer, ReservedLabels);
        writer.WriteVarUInt(RegistrationPeriodMs);
        writer.WriteVarUInt(GracePeriodMs);
        writer.WriteVarUInt(MaxRecordsPerName);
        writer.WriteList(AllowedTypes, static (w, t) => w.WriteVarUInt((ushort)t));
        writer.WriteBool(AllowWildcards);
        writer.WriteVarUInt(Ttl);
        writer.WriteList(Secondaries, static (w, s) =>
        {
            w.WriteBytes(s.Address);
            w.WriteVarUInt(s.Port);
        });
        writer.WriteString(TransferKey);
        writer.WriteList(SigningKeys, static (w, k) =>
        {
            w.WriteString(k.Operator);
            w.WriteBytes(k.PublicKey);
            w.WriteBool(k.Active);
        });
    }

    /// <inheritdoc />
    public static ZonePolicy Decode(ref CanonicalReader reader)
    {
        var origin = reader.ReadString(DomainNames.MaxNameLength + 1, "zone origin");
        var contact = reader.ReadString(DomainNames.MaxNameLength + 1, "zone contact");
        var nsCount = reader.ReadLength(MaxNameServers, "name server count");
        var nameServers = new ZoneNameServer[nsCount];
        for (var i = 0; i < nsCount; i++)
        {
            nameServers[i] = new ZoneNameServer(reader.ReadString(DomainNames.MaxNameLength + 1, "name server"), reader.ReadBytes(16, "name server address").ToArray());
        }

        var groups = BoundedText.ReadList(ref reader, 64, 64, "registrant group");
        var verified = reader.ReadBool();
        var minLabel = (uint)reader.ReadVarUInt(DomainNames.MaxLabelLength, "shortest label");
        var reserved = BoundedText.ReadList(ref reader, MaxReserved, DomainNames.MaxLabelLength, "reserved label");
        var period = reader.ReadVarUInt();
        var grace = reader.ReadVarUInt();
        var maxRecords = (uint)reader.ReadVarUInt(NameRecord.MaxRecords, "records per name");
        var typeCount = reader.ReadLength(16, "record type count");
        var types = new DnsRecordType[typeCount];
        for (var i = 0; i < typeCount; i++)
        {
            types[i] = (DnsRecordType)reader.ReadVarUInt(ushort.MaxValue, "record type");
        }

        var wildcards = reader.ReadBool();
        var ttl = (uint)reader.ReadVarUInt(NameRecord.MaxTtl, "zone TTL");
        var secondaryCount = reader.ReadLength(MaxSecondaries, "secondary count");
        var secondaries = new ZoneSecondary[secondaryCount];
        for (var i = 0; i < secondaryCount; i++)
        {
            secondaries[i] = new ZoneSecondary(reader.ReadBytes(16, "secondary address").ToArray(), (ushort)reader.ReadVarUInt(ushort.MaxValue, "secondary port"));
        }

        var transferKey = reader.ReadString(DomainNames.MaxNameLength + 1, "transfer key name");
        var keyCount = reader.ReadLength(MaxSigningKeys, "signing key count");
        var keys = new ZoneSigningKey[keyCount];
        for (var i = 0; i < keyCount; i++)
        {
            keys[i] = new ZoneSigningKey(reader.ReadString(64 * 4, "key operator"), reader.ReadBytes(Core.Crypto.PublicKey.P256PointSize, "signing key").ToArray(), reader.ReadBool());
        }

        return new ZonePolicy(origin, contact, nameServers, groups, verified, minLabel, reserved, period, grace, maxRecords, types, wildcards, ttl, secondaries, transferKey, keys);
    }

    /// <inheritdoc />
    public bool Equals(ZonePolicy? other) =>
        other is not null && Origin == other.Origin && Contact == other.Contact && NameServers.SequenceEqual(other.NameServers)
        && RegistrantGroups.SequenceEqual(other.RegistrantGroups) && RequireVerified == other.RequireVerified && MinLabelLength == other.MinLabelLength
        && ReservedLabels.SequenceEqual(other.ReservedLabels) && RegistrationPeriodMs == other.RegistrationPeriodMs && GracePeriodMs == other.GracePeriodMs
        && MaxRecordsPerName == other.MaxRecordsPerName && AllowedTypes.SequenceEqual(other.AllowedTypes) && AllowWildcards == other.AllowWildcards && Ttl == other.Ttl
        && Secondaries.SequenceEqual(other.Secondaries) && TransferKey == other.TransferKey && SigningKeys.SequenceEqual(other.SigningKeys);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Origin, NameServers.Count, RegistrationPeriodMs);
}
