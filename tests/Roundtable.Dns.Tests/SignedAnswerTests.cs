using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>The records a signed zone adds to answers when, and only when, the query has the DO bit (RFC 4035 §3.1), asked by the real dig.</summary>
public sealed class SignedAnswerTests : IAsyncLifetime
{
    private DnssecSigningKey key = null!;
    private DnsServer server = null!;

    public Task InitializeAsync()
    {
        (var zone, key) = SignedZones.SignedAlone();
        server = DnsServer.Start(new AnswerEngine(new ZoneSet([zone])), new DnsServerOptions { RateLimit = null });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        key.Dispose();
    }

    [Fact]
    public void Without_do_a_signed_zone_answers_exactly_as_an_unsigned_one()
    {
        var r = Dig.Query(server.EndPoint, "nope.forum.internal.", "A");
        Assert.Equal("NXDOMAIN", r.Status);
        Assert.Equal(["SOA"], r.Authority.Select(a => a.Type));
        Assert.DoesNotContain("do", Dig.Query(server.EndPoint, "www.forum.internal.", "A").Output.Split("flags:")[^1].Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(["A"], Dig.Query(server.EndPoint, "www.forum.internal.", "A").Answer.Select(a => a.Type));
    }

    [Fact]
    public void A_positive_answer_carries_its_rrsig_by_this_operators_key_and_the_do_bit_is_echoed()
    {
        var r = Dig.Query(server.EndPoint, "+dnssec", "www.forum.internal.", "A");
        Assert.Equal(["A", "RRSIG"], r.Answer.Select(a => a.Type));
        var rrsig = r.Answer[1].Data.Split(' ');
        Assert.Equal(("A", "13", "3", "300", key.PublicKey.KeyTag.ToString(System.Globalization.CultureInfo.InvariantCulture), "forum.internal."), (rrsig[0], rrsig[1], rrsig[2], rrsig[3], rrsig[6], rrsig[7]));
        Assert.Contains("; EDNS: version: 0, flags: do;", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ad", r.Flags);
    }

    [Fact]
    public void Nxdomain_proves_the_name_and_the_wildcard_absent()
    {
        var r = Dig.Query(server.EndPoint, "+dnssec", "nope.forum.internal.", "A");
        Assert.Equal("NXDOMAIN", r.Status);
        Assert.Equal(["SOA", "RRSIG", "NSEC", "RRSIG", "NSEC", "RRSIG"], r.Authority.Select(a => a.Type));

        // n8 < nope < ns1 covers the name; the apex NSEC (forum.internal. -> alias) covers *.forum.internal.
        Assert.Equal([("n8.forum.internal.", "ns1.forum.internal."), ("forum.internal.", "alias.forum.internal.")], r.Authority.Where(a => a.Type == "NSEC").Select(a => (a.Owner, a.Data.Split(' ')[0])));
    }

    [Fact]
    public void Nodata_shows_the_names_nsec_and_an_empty_non_terminal_the_one_before_it()
    {
        var r = Dig.Query(server.EndPoint, "+dnssec", "www.forum.internal.", "MX");
        Assert.Equal("NOERROR", r.Status);
        Assert.Empty(r.Answer);
        var nsec = Assert.Single(r.Authority, a => a.Type == "NSEC");
        Assert.Equal(("www.forum.internal.", "forum.internal. A AAAA RRSIG NSEC"), (nsec.Owner, nsec.Data));

        var ent = Dig.Query(server.EndPoint, "+dnssec", "ent.here.forum.internal.", "A");
        Assert.Equal("NOERROR", ent.Status);
        Assert.Equal("dangling.forum.internal. deep.ent.here.forum.internal.", Assert.Single(ent.Authority, a => a.Type == "NSEC").Owner + " " + Assert.Single(ent.Authority, a => a.Type == "NSEC").Data.Split(' ')[0]);
    }

    [Fact]
    public void A_wildcard_answer_has_the_wildcard_rrsig_labels_and_proves_no_closer_name()
    {
        var r = Dig.Query(server.EndPoint, "+dnssec", "host.wild.forum.internal.", "A");
        Assert.Equal(["A", "RRSIG"], r.Answer.Select(a => a.Type));
        Assert.All(r.Answer, a => Assert.Equal("host.wild.forum.internal.", a.Owner));

        // Labels 3 (wild.forum.internal) under an owner of 4 labels: synthesized from *.wild.
        Assert.Equal("3", r.Answer[1].Data.Split(' ')[2]);
        var nsec = Assert.Single(r.Authority, a => a.Type == "NSEC");
        Assert.Equal("*.wild.forum.internal.", nsec.Owner);
    }

    [Fact]
    public void A_referral_carries_the_signed_ds_or_the_nsec_proving_there_is_none()
    {
        var secure = Dig.Query(server.EndPoint, "+dnssec", "host.sub.forum.internal.", "A");
        Assert.DoesNotContain("aa", secure.Flags);
        Assert.Equal(["NS", "DS", "RRSIG"], secure.Authority.Select(a => a.Type).Distinct());
        Assert.DoesNotContain(secure.Additional, a => a.Type == "RRSIG");

        var insecure = Dig.Query(server.EndPoint, "+dnssec", "host.unsigned.forum.internal.", "A");
        Assert.Equal(["NS", "NSEC", "RRSIG"], insecure.Authority.Select(a => a.Type));
        Assert.Equal("*.wild.forum.internal. NS RRSIG NSEC", insecure.Authority[1].Data);
    }

    [Fact]
    public void A_cname_chain_signs_every_link()
    {
        var r = Dig.Query(server.EndPoint, "+dnssec", "chain.forum.internal.", "A");
        Assert.Equal(["CNAME", "RRSIG", "CNAME", "RRSIG", "A", "RRSIG"], r.Answer.Select(a => a.Type));
    }

    [Fact]
    public void The_dnskey_rrset_is_answered_with_its_rrsig()
    {
        var r = Dig.Query(server.EndPoint, "+dnssec", "forum.internal.", "DNSKEY");
        Assert.Equal(key.PublicKey.ToDnskeyRdataText(), Assert.Single(r.Answer, a => a.Type == "DNSKEY").Data.Replace(" ", "", StringComparison.Ordinal).Insert(3, " ").Insert(5, " ").Insert(8, " "));
        Assert.StartsWith("DNSKEY 13 2 3600 ", Assert.Single(r.Answer, a => a.Type == "RRSIG").Data, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_answer_over_the_client_udp_size_is_truncated_with_do_kept_and_whole_over_tcp()
    {
        var udp = Dig.Query(server.EndPoint, "+dnssec", "+bufsize=512", "+ignore", "big.forum.internal.", "TXT");
        Assert.Contains("tc", udp.Flags);
        Assert.Empty(udp.Answer);
        Assert.Contains("flags: do;", udp.Output, StringComparison.Ordinal);

        var tcp = Dig.Query(server.EndPoint, "+dnssec", "+tcp", "big.forum.internal.", "TXT");
        Assert.Equal(13, tcp.Answer.Count);
    }
}
