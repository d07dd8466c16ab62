namespace Roundtable.Dns.Tests.Support;

/// <summary>The zones the tests serve: every record type, a delegation with glue and DS, wildcards, CNAME chains and loops, an RRset too big for 512 bytes.</summary>
internal static class TestZones
{
    public const string TlsaHash = "0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6";
    public const string DsDigest = "2BB183AF5F22588179A53B0A98631FAD1A292118D2D1E56A3F7D2D57A4A4D4DA";

    public static DnsZone Forum(uint serial = 42, string wwwAddress = "192.0.2.10") => DnsZone.Create(
        "forum.internal.",
        new SoaSettings("ns1.forum.internal.", "hostmaster.forum.internal.", serial, Minimum: 300, Ttl: 3600),
        [new NameServer("ns1", ["192.0.2.53", "2001:db8::53"]), new NameServer("ns2.example.net.", [])],
        [
            new("www", RecordType.A, 300, wwwAddress),
            new("www", RecordType.AAAA, 300, "2001:db8::10"),
            new("@", RecordType.MX, 3600, "10 mail"),
            new("mail", RecordType.A, 3600, "192.0.2.25"),
            new("@", RecordType.TXT, 600, "\"v=spf1 -all\""),
            new("@", RecordType.CAA, 600, "0 issue \"letsencrypt.org\""),
            new("alias", RecordType.CNAME, 120, "www"),
            new("chain", RecordType.CNAME, 60, "alias.forum.internal."),
            new("loop1", RecordType.CNAME, 60, "loop2"),
            new("loop2", RecordType.CNAME, 60, "loop1"),
            new("dangling", RecordType.CNAME, 60, "nothere"),
            new("away", RecordType.CNAME, 60, "www.example.org."),
            new("_xmpp._tcp", RecordType.SRV, 900, "5 0 5269 www"),
            new("_443._tcp.www", RecordType.TLSA, 900, $"3 1 1 {TlsaHash}"),
            new("sub", RecordType.NS, 86400, "ns.sub"),
            new("sub", RecordType.NS, 86400, "ns.other.example."),
            new("ns.sub", RecordType.A, 86400, "192.0.2.99"),
            new("sub", RecordType.DS, 86400, $"12345 13 2 {DsDigest}"),
            new("*.wild", RecordType.A, 200, "192.0.2.77"),
            new("*.wild", RecordType.TXT, 200, "\"wild\""),
            new("deep.ent.here", RecordType.A, 300, "192.0.2.5"),
            .. Enumerable.Range(0, 12).Select(i => new ZoneRecord("big", RecordType.TXT, 300, $"\"{i:D2}-{new string('x', 57)}\"")),
        ]);

    /// <summary>A child zone served by the same server, so the longest origin must win.</summary>
    public static DnsZone Lab() => DnsZone.Create(
        "lab.forum.internal.",
        new SoaSettings("ns1.lab.forum.internal.", "hostmaster.forum.internal.", 7),
        [new NameServer("ns1.lab.forum.internal.", ["192.0.2.54"])],
        [new("www", RecordType.A, 30, "192.0.2.200")]);

    public static ZoneSet Set(long height = 1, uint serial = 42) => new([Forum(serial), Lab()], height);

    /// <summary>The secret of <see cref="TransferKey"/> in base64, as nsd, knot and dig take it.</summary>
    public const string TransferSecret = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    /// <summary>The TSIG key secondaries use in the tests.</summary>
    public static TsigKey TransferKey { get; } = new("xfr.forum.internal.", Convert.FromBase64String(TransferSecret));

    /// <summary>Transfers from loopback, signed with <see cref="TransferKey"/>, NOTIFY to <paramref name="notify"/>.</summary>
    public static ZoneTransferPolicy LoopbackPolicy(params System.Net.IPEndPoint[] notify) =>
        new([System.Net.IPNetwork.Parse("127.0.0.0/8")], [TransferKey], notify);

    /// <summary>The test zones, forum.internal. open to transfer under <paramref name="policy"/> (default: <see cref="LoopbackPolicy"/>).</summary>
    public static ZoneSet TransferSet(uint serial = 42, string wwwAddress = "192.0.2.10", ZoneTransferPolicy? policy = null) =>
        new([Forum(serial, wwwAddress).WithTransferPolicy(policy ?? LoopbackPolicy()), Lab()], serial);
}
