namespace Roundtable.Dns;

/// <summary>
/// One record as the node holds it in committed state: owner name (absolute, or relative to the
/// zone origin; "@" is the origin), type, TTL in seconds and RDATA in standard presentation format,
/// e.g. <c>new ZoneRecord("@", RecordType.MX, 3600, "10 mail")</c>.
/// </summary>
public sealed record ZoneRecord(string Owner, RecordType Type, uint Ttl, string Data);
