using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Names;

/// <summary>
/// One DNS record a holder publishes under a registered name. The data is the record's RDATA in
/// DNS wire form (RFC 1035 §3.3, names uncompressed and lower-case), the form every server and
/// secondary needs, so the chain stores exactly what is served; <see cref="RecordData"/> says
/// which data each type accepts.
/// </summary>
/// <param name="Owner">Where under the registered name: "" for the name itself, or relative labels ("www", "_443._tcp").</param>
/// <param name="Type">The record type.</param>
/// <param name="Ttl">Seconds a resolver may cache it.</param>
/// <param name="Data">RDATA in wire form.</param>
public sealed record NameRecord(string Owner, DnsRecordType Type, uint Ttl, byte[] Data) : ICanonical<NameRecord>
{
    /// <summary>The most records one registered name carries, whatever its zone allows.</summary>
    public const int MaxRecords = 64;

    /// <summary>The largest RDATA of one record.</summary>
    public const int MaxDataBytes = 1024;

    /// <summary>The longest TTL (one week): a change reaches resolvers within it.</summary>
    public const uint MaxTtl = 604_800;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Owner);
        writer.WriteVarUInt((ushort)Type);
        writer.WriteVarUInt(Ttl);
        writer.WriteBytes(Data);
    }

    /// <inheritdoc />
    public static NameRecord Decode(ref CanonicalReader reader) => new(
        reader.ReadString(DomainNames.MaxNameLength, "record owner"),
        (DnsRecordType)reader.ReadVarUInt(ushort.MaxValue, "record type"),
        (uint)reader.ReadVarUInt(MaxTtl, "record TTL"),
        reader.ReadBytes(MaxDataBytes, "record data").ToArray());

    /// <summary>Writes a list of records.</summary>
    public static void WriteList(CanonicalWriter writer, IReadOnlyList<NameRecord> records) =>
        writer.WriteList(records, static (w, r) => r.Encode(w));

    /// <summary>Reads a list of at most <see cref="MaxRecords"/> records.</summary>
    public static NameRecord[] ReadList(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxRecords, "record count");
        var records = new NameRecord[count];
        for (var i = 0; i < count; i++)
        {
            records[i] = Decode(ref reader);
        }

        return records;
    }

    /// <inheritdoc />
    public bool Equals(NameRecord? other) =>
        other is not null && Owner == other.Owner && Type == other.Type && Ttl == other.Ttl && Data.AsSpan().SequenceEqual(other.Data);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Owner, Type, Ttl, Data.Length);
}
