namespace Roundtable.Dns.Tests;

/// <summary>Bad zone input is refused with a message that names the record and the rule.</summary>
public sealed class ZoneValidationTests
{
    private static readonly SoaSettings Soa = new("ns1", "hostmaster", 1);
    private static readonly NameServer[] Servers = [new("ns1", ["192.0.2.53"])];

    [Theory]
    [InlineData("www", RecordType.A, "192.0.2", "dotted-quad")]
    [InlineData("www", RecordType.A, "2001:db8::1", "IPv4")]
    [InlineData("www", RecordType.AAAA, "192.0.2.1", "IPv6")]
    [InlineData("www", RecordType.MX, "mail", "2 field(s)")]
    [InlineData("www", RecordType.MX, "70000 mail", "0 to 65535")]
    [InlineData("www", RecordType.TXT, "\"unclosed", "unclosed quote")]
    [InlineData("www", RecordType.SRV, "1 2 3", "4 field(s)")]
    [InlineData("www", RecordType.CAA, "0 is-sue \"ca\"", "CAA tag")]
    [InlineData("www", RecordType.TLSA, "3 1 1 XYZ", "hexadecimal")]
    [InlineData("sub", RecordType.DS, "1 13 2 ABCD", "32-byte digest")]
    [InlineData("www.other.internal.", RecordType.A, "192.0.2.1", "outside zone")]
    [InlineData("@", RecordType.CNAME, "www", "not allowed at the apex")]
    [InlineData("@", RecordType.NS, "ns9", "not allowed at the apex")]
    [InlineData("*.wild", RecordType.NS, "ns9", "wildcard cannot be a delegation")]
    [InlineData("www", RecordType.SOA, "x", "cannot be zone data")]
    [InlineData("www", RecordType.CNAME, "a.b..c", "empty label")]
    public void Bad_records_are_refused_saying_why(string owner, RecordType type, string data, string reason)
    {
        var e = Assert.Throws<DnsZoneException>(() => DnsZone.Create("forum.internal.", Soa, Servers, [new(owner, type, 60, data)]));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_over_63_bytes_and_a_name_over_255_are_refused()
    {
        Assert.Contains("limit is 63", Assert.Throws<DnsZoneException>(() => DnsName.Parse(new string('a', 64) + ".")).Message, StringComparison.Ordinal);
        Assert.Contains("limit is 255", Assert.Throws<DnsZoneException>(() => DnsName.Parse(string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cname_beside_other_data_is_refused()
    {
        var e = Assert.Throws<DnsZoneException>(() => DnsZone.Create("forum.internal.", Soa, Servers, [new("www", RecordType.CNAME, 60, "x"), new("www", RecordType.A, 60, "192.0.2.1")]));
        Assert.Contains("CNAME cannot stand beside other data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_glue_may_live_under_a_delegation()
    {
        var e = Assert.Throws<DnsZoneException>(() => DnsZone.Create("forum.internal.", Soa, Servers, [new("sub", RecordType.NS, 60, "ns.sub"), new("x.sub", RecordType.TXT, 60, "\"hidden\"")]));
        Assert.Contains("only glue", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_of_one_rrset_must_share_a_ttl_and_duplicates_collapse()
    {
        Assert.Throws<DnsZoneException>(() => DnsZone.Create("forum.internal.", Soa, Servers, [new("www", RecordType.A, 60, "192.0.2.1"), new("www", RecordType.A, 61, "192.0.2.2")]));
        var zone = DnsZone.Create("forum.internal.", Soa, Servers, [new("www", RecordType.A, 60, "192.0.2.1"), new("WWW", RecordType.A, 60, "192.0.2.1")]);
        var response = new byte[AnswerEngine.ResponseBufferSize];
        var length = new AnswerEngine(new ZoneSet([zone])).Answer(Support.Packets.Query("www.forum.internal.", RecordType.A), response, overTcp: false);
        Assert.True(length > 0);
        Assert.Equal(1, response[7]);
    }

    [Fact]
    public void Names_parse_relative_escaped_and_case_folded()
    {
        var origin = DnsName.Parse("Forum.Internal.");
        Assert.Equal("forum.internal.", origin.ToString());
        Assert.Equal("www.forum.internal.", DnsName.Parse("WWW", origin).ToString());
        Assert.Equal("a\\.b.forum.internal.", DnsName.Parse("a\\.b", origin).ToString());
        Assert.Equal(3, DnsName.Parse("a\\046b.forum.internal.").LabelCount);
        Assert.True(DnsName.Parse("x.www.forum.internal.").IsAtOrBelow(origin));
        Assert.False(DnsName.Parse("xforum.internal.").IsAtOrBelow(origin));
    }

    [Fact]
    public void The_longest_origin_is_chosen()
    {
        var set = Support.TestZones.Set();
        Assert.Equal("lab.forum.internal.", set.Find(DnsName.Parse("a.b.lab.forum.internal."))!.Origin.ToString());
        Assert.Equal("forum.internal.", set.Find(DnsName.Parse("alab.forum.internal."))!.Origin.ToString());
        Assert.Null(set.Find(DnsName.Parse("internal.")));
    }
}
