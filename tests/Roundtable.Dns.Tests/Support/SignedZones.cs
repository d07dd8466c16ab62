namespace Roundtable.Dns.Tests.Support;

/// <summary>
/// A signed forum.internal. for the DNSSEC tests. Every address a resolver could contact is on
/// loopback (the apex name server and the glue of both delegations), so a validating resolver
/// pointed at it never sends a packet anywhere else.
/// </summary>
internal static class SignedZones
{
    public const string Origin = "forum.internal.";

    /// <summary>The DS the parent holds for the child zone sub (not a real key: the child is never asked).</summary>
    public const string SubDs = $"12345 13 2 {TestZones.DsDigest}";

    public static readonly SoaSettings Soa = new("ns1.forum.internal.", "hostmaster.forum.internal.", 42, Minimum: 300, Ttl: 3600);

    public static readonly NameServer[] NameServers = [new("ns1", ["127.0.0.1"])];

    /// <summary>Signatures valid from a day ago to a week from now, so a resolver on this machine's clock accepts them.</summary>
    public static SignatureWindow CurrentWindow()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new SignatureWindow((uint)(now - 86400), (uint)(now + (7 * 86400)));
    }

    public static List<ZoneRecord> Records(string wwwAddress = "192.0.2.10") =>
    [
        new("www", RecordType.A, 300, wwwAddress),
        new("www", RecordType.AAAA, 300, "2001:db8::10"),
        new("@", RecordType.MX, 3600, "10 mail"),
        new("mail", RecordType.A, 3600, "192.0.2.25"),
        new("@", RecordType.TXT, 600, "\"v=spf1 -all\""),
        new("alias", RecordType.CNAME, 120, "www"),
        new("chain", RecordType.CNAME, 60, "alias"),
        new("dangling", RecordType.CNAME, 60, "nothere"),
        new("*.wild", RecordType.A, 200, "192.0.2.77"),
        new("*.wild", RecordType.TXT, 200, "\"wild\""),
        new("*.cn", RecordType.CNAME, 200, "www"),
        new("deep.ent.here", RecordType.A, 300, "192.0.2.5"),
        new("sub", RecordType.NS, 86400, "ns.sub"),
        new("ns.sub", RecordType.A, 86400, "127.0.0.1"),
        new("sub", RecordType.DS, 86400, SubDs),
        new("unsigned", RecordType.NS, 86400, "ns.unsigned"),
        new("ns.unsigned", RecordType.A, 86400, "127.0.0.1"),
        .. Enumerable.Range(1, 8).Select(i => new ZoneRecord($"n{i}", RecordType.A, 300, $"192.0.2.{100 + i}")),
        .. Enumerable.Range(0, 12).Select(i => new ZoneRecord("big", RecordType.TXT, 300, $"\"{i:D2}-{new string('x', 57)}\"")),
    ];

    public static DnsZone Forum(IReadOnlyList<DnssecKey> published, ZoneSigner signer, SignatureWindow? window = null, string wwwAddress = "192.0.2.10", uint dnskeyTtl = 3600) =>
        DnsZone.Create(Origin, Soa, NameServers, Records(wwwAddress), new ZoneSigning(published, signer, window ?? CurrentWindow()) { DnskeyTtl = dnskeyTtl });

    /// <summary>One operator signing alone with a fresh key.</summary>
    public static (DnsZone Zone, DnssecSigningKey Key) SignedAlone()
    {
        var key = DnssecSigningKey.Generate();
        return (Forum([key.PublicKey], new ZoneSigner([key])), key);
    }
}
