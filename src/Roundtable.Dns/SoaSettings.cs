namespace Roundtable.Dns;

/// <summary>
/// The zone's SOA fields (RFC 1035 §3.3.13). <see cref="Serial"/> follows committed height;
/// <see cref="Ttl"/> is also used for the apex NS records; negative answers carry the SOA with
/// TTL = min(<see cref="Ttl"/>, <see cref="Minimum"/>) (RFC 2308 §3).
/// </summary>
public sealed record SoaSettings(
    string PrimaryServer,
    string ResponsibleMailbox,
    uint Serial,
    uint Refresh = 3600,
    uint Retry = 600,
    uint Expire = 1209600,
    uint Minimum = 300,
    uint Ttl = 3600);
