namespace Roundtable.Dns;

/// <summary>
/// One apex name server of a zone, with the addresses published as glue (A/AAAA at its name)
/// when the name is inside the zone; addresses of a server outside the zone are not the zone's
/// data and are ignored.
/// </summary>
public sealed record NameServer(string Name, IReadOnlyList<string> Addresses);
