using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>The answer cases of issue 11 item 3, asked by the real dig on loopback and checked field by field.</summary>
public sealed class DigAnswerTests : IAsyncLifetime
{
    private DnsServer server = null!;

    public Task InitializeAsync()
    {
        server = DnsServer.Start(new AnswerEngine(TestZones.Set()), new DnsServerOptions { RateLimit = null });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public void An_address_answer_is_authoritative_with_the_question_as_asked_and_no_ra_or_ad()
    {
        var r = Dig.Query(server.EndPoint, "WwW.FoRuM.internal.", "A");
        Assert.Equal("NOERROR", r.Status);
        Assert.Equal("QUERY", r.Opcode);
        Assert.Equal(["aa", "qr", "rd"], r.Flags.Order());
        Assert.Equal(["WwW.FoRuM.internal. IN A"], r.Question);
        var answer = Assert.Single(r.Answer);
        Assert.Equal(("192.0.2.10", 300u, "A"), (answer.Data, answer.Ttl, answer.Type));
        Assert.Equal("www.forum.internal.", answer.Owner.ToLowerInvariant());
        Assert.Empty(r.Authority);
        Assert.True(r.HasEdns);
        Assert.Equal(1232, r.EdnsUdpSize);
    }

    [Fact]
    public void Every_record_type_is_answered_in_presentation_form()
    {
        Assert.Equal("2001:db8::10", Single("www.forum.internal.", "AAAA").Data);
        Assert.Equal("10 mail.forum.internal.", Single("forum.internal.", "MX").Data);
        Assert.Equal("\"v=spf1 -all\"", Single("forum.internal.", "TXT").Data);
        Assert.Equal("0 issue \"letsencrypt.org\"", Single("forum.internal.", "CAA").Data);
        Assert.Equal("5 0 5269 www.forum.internal.", Single("_xmpp._tcp.forum.internal.", "SRV").Data);
        Assert.Equal($"3 1 1 {TestZones.TlsaHash}", Single("_443._tcp.www.forum.internal.", "TLSA").Data.Replace(" ", "", StringComparison.Ordinal).Insert(1, " ").Insert(3, " ").Insert(5, " "));
        Assert.Equal("ns1.forum.internal. hostmaster.forum.internal. 42 3600 600 1209600 300", Single("forum.internal.", "SOA").Data);
        var ds = Single("sub.forum.internal.", "DS");
        Assert.StartsWith("12345 13 2 ", ds.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Mx_answers_carry_the_exchange_address_in_additional()
    {
        var r = Dig.Query(server.EndPoint, "forum.internal.", "MX");
        Assert.Equal("192.0.2.25", Assert.Single(r.Additional, a => a.Type == "A").Data);
    }

    [Fact]
    public void Apex_ns_lists_both_servers_with_glue_only_for_the_one_inside()
    {
        var r = Dig.Query(server.EndPoint, "forum.internal.", "NS");
        Assert.Contains("aa", r.Flags);
        Assert.Equal(["ns1.forum.internal.", "ns2.example.net."], r.Answer.Select(a => a.Data).Order());
        Assert.Equal(["192.0.2.53", "2001:db8::53"], r.Additional.Where(a => a.Type is "A" or "AAAA").Select(a => a.Data).Order());
    }

    [Fact]
    public void A_missing_name_is_nxdomain_with_the_soa_at_the_negative_ttl()
    {
        var r = Dig.Query(server.EndPoint, "nope.forum.internal.", "A");
        Assert.Equal("NXDOMAIN", r.Status);
        Assert.Contains("aa", r.Flags);
        Assert.Empty(r.Answer);
        var soa = Assert.Single(r.Authority);
        Assert.Equal(("forum.internal.", "SOA", 300u), (soa.Owner, soa.Type, soa.Ttl));
    }

    [Fact]
    public void A_missing_type_is_nodata_with_the_soa()
    {
        var r = Dig.Query(server.EndPoint, "www.forum.internal.", "MX");
        Assert.Equal("NOERROR", r.Status);
        Assert.Contains("aa", r.Flags);
        Assert.Empty(r.Answer);
        Assert.Equal("SOA", Assert.Single(r.Authority).Type);
    }

    [Fact]
    public void An_empty_non_terminal_is_nodata_not_nxdomain()
    {
        var r = Dig.Query(server.EndPoint, "ent.here.forum.internal.", "A");
        Assert.Equal("NOERROR", r.Status);
        Assert.Empty(r.Answer);
        Assert.Equal("SOA", Assert.Single(r.Authority).Type);
    }

    [Fact]
    public void A_cname_chain_is_followed_inside_the_zone()
    {
        var r = Dig.Query(server.EndPoint, "Chain.forum.internal.", "A");
        Assert.Equal("NOERROR", r.Status);
        Assert.Contains("aa", r.Flags);
        Assert.Equal(
            [("chain.forum.internal.", "CNAME", "alias.forum.internal.", 60u), ("alias.forum.internal.", "CNAME", "www.forum.internal.", 120u), ("www.forum.internal.", "A", "192.0.2.10", 300u)],
            r.Answer.Select(a => (a.Owner.ToLowerInvariant(), a.Type, a.Data, a.Ttl)));
    }

    [Fact]
    public void A_cname_loop_ends_without_repeating_and_a_dangling_target_is_nxdomain()
    {
        var loop = Dig.Query(server.EndPoint, "loop1.forum.internal.", "A");
        Assert.Equal("NOERROR", loop.Status);
        Assert.Equal(2, loop.Answer.Count);

        var dangling = Dig.Query(server.EndPoint, "dangling.forum.internal.", "A");
        Assert.Equal("NXDOMAIN", dangling.Status);
        Assert.Equal("CNAME", Assert.Single(dangling.Answer).Type);
        Assert.Equal("SOA", Assert.Single(dangling.Authority).Type);

        var away = Dig.Query(server.EndPoint, "away.forum.internal.", "A");
        Assert.Equal("NOERROR", away.Status);
        Assert.Equal("www.example.org.", Assert.Single(away.Answer).Data);
        Assert.Empty(away.Authority);
    }

    [Fact]
    public void A_name_below_a_delegation_gets_a_referral_with_glue_and_aa_clear()
    {
        var r = Dig.Query(server.EndPoint, "host.Sub.forum.internal.", "A");
        Assert.Equal("NOERROR", r.Status);
        Assert.DoesNotContain("aa", r.Flags);
        Assert.Empty(r.Answer);
        Assert.Equal(["ns.other.example.", "ns.sub.forum.internal."], r.Authority.Select(a => a.Data.ToLowerInvariant()).Order());
        Assert.All(r.Authority, a => Assert.Equal(("sub.forum.internal.", "NS", 86400u), (a.Owner.ToLowerInvariant(), a.Type, a.Ttl)));
        Assert.Equal(("ns.sub.forum.internal.", "192.0.2.99"), Assert.Single(r.Additional, a => a.Type == "A") is var glue ? (glue.Owner.ToLowerInvariant(), glue.Data) : default);
    }

    [Fact]
    public void Ds_at_a_delegation_is_answered_by_the_parent_with_aa()
    {
        var r = Dig.Query(server.EndPoint, "sub.forum.internal.", "DS");
        Assert.Contains("aa", r.Flags);
        Assert.Equal("DS", Assert.Single(r.Answer).Type);
    }

    [Fact]
    public void A_wildcard_answers_with_the_asked_name_and_no_other_type_leaks()
    {
        var r = Dig.Query(server.EndPoint, "Anything.Wild.forum.internal.", "A");
        Assert.Equal("NOERROR", r.Status);
        Assert.Contains("aa", r.Flags);
        var answer = Assert.Single(r.Answer);
        Assert.Equal(("Anything.Wild.forum.internal.", "192.0.2.77", 200u), (answer.Owner, answer.Data, answer.Ttl));

        var nodata = Dig.Query(server.EndPoint, "x.wild.forum.internal.", "AAAA");
        Assert.Equal("NOERROR", nodata.Status);
        Assert.Empty(nodata.Answer);

        // The wildcard does not cover the name that owns it, nor names beside it.
        Assert.Equal("NOERROR", Dig.Query(server.EndPoint, "wild.forum.internal.", "A").Status);
        Assert.Empty(Dig.Query(server.EndPoint, "wild.forum.internal.", "A").Answer);
        Assert.Equal("NXDOMAIN", Dig.Query(server.EndPoint, "x.tame.forum.internal.", "A").Status);
    }

    [Fact]
    public void The_longest_matching_zone_answers()
    {
        var r = Dig.Query(server.EndPoint, "www.lab.forum.internal.", "A");
        Assert.Equal("192.0.2.200", Assert.Single(r.Answer).Data);
        var soa = Dig.Query(server.EndPoint, "lab.forum.internal.", "SOA");
        Assert.StartsWith("ns1.lab.forum.internal. hostmaster.forum.internal. 7 ", Assert.Single(soa.Answer).Data, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_outside_every_zone_is_refused()
    {
        var r = Dig.Query(server.EndPoint, "example.com.", "A");
        Assert.Equal("REFUSED", r.Status);
        Assert.DoesNotContain("aa", r.Flags);
        Assert.Equal(["example.com. IN A"], r.Question);
    }

    [Fact]
    public void A_zone_without_a_transfer_policy_refuses_transfers()
    {
        Assert.Equal("REFUSED", Dig.Query(server.EndPoint, "+notcp", "forum.internal.", "IXFR=1").Status);
        var axfr = Dig.Query(server.EndPoint, "forum.internal.", "AXFR");
        Assert.Contains("Transfer failed", axfr.Output, StringComparison.Ordinal);
        Assert.Equal("NOERROR", Dig.Query(server.EndPoint, "www.forum.internal.", "A").Status);
    }

    [Fact]
    public void A_non_query_opcode_is_notimp()
    {
        var r = Dig.Query(server.EndPoint, "+opcode=notify", "forum.internal.", "SOA");
        Assert.Equal("NOTIMP", r.Status);
        Assert.Equal("NOTIFY", r.Opcode);
    }

    [Fact]
    public void Edns_version_above_zero_is_badvers()
    {
        var r = Dig.Query(server.EndPoint, "+edns=1", "+noednsnegotiation", "www.forum.internal.", "A");
        Assert.Equal("BADVERS", r.Status);
        Assert.Empty(r.Answer);
    }

    [Fact]
    public void Any_is_answered_with_one_rrset()
    {
        var r = Dig.Query(server.EndPoint, "www.forum.internal.", "ANY");
        Assert.Equal("NOERROR", r.Status);
        Assert.Equal("A", Assert.Single(r.Answer).Type);
    }

    [Fact]
    public void The_client_buffer_is_honoured_and_tcp_gives_the_full_answer()
    {
        var classic = Dig.Query(server.EndPoint, "+noedns", "+ignore", "big.forum.internal.", "TXT");
        Assert.Contains("tc", classic.Flags);
        Assert.Empty(classic.Answer);
        Assert.False(classic.HasEdns);

        var small = Dig.Query(server.EndPoint, "+bufsize=600", "+ignore", "big.forum.internal.", "TXT");
        Assert.Contains("tc", small.Flags);
        Assert.True(small.HasEdns);

        var large = Dig.Query(server.EndPoint, "+bufsize=1232", "+ignore", "big.forum.internal.", "TXT");
        Assert.DoesNotContain("tc", large.Flags);
        Assert.Equal(12, large.Answer.Count);

        var tcp = Dig.Query(server.EndPoint, "+tcp", "+noedns", "big.forum.internal.", "TXT");
        Assert.DoesNotContain("tc", tcp.Flags);
        Assert.Equal(12, tcp.Answer.Count);
        Assert.Contains("aa", tcp.Flags);
    }

    [Fact]
    public void Kdig_reads_the_same_answers()
    {
        var r = Dig.KQuery(server.EndPoint, "chain.forum.internal.", "A");
        Assert.Contains("status: NOERROR", r.Output, StringComparison.Ordinal);
        Assert.Contains("192.0.2.10", r.Output, StringComparison.Ordinal);
        var tcp = Dig.KQuery(server.EndPoint, "+tcp", "nope.forum.internal.", "A");
        Assert.Contains("status: NXDOMAIN", tcp.Output, StringComparison.Ordinal);
    }

    private DigRecord Single(string name, string type)
    {
        var r = Dig.Query(server.EndPoint, name, type);
        Assert.True(r.Status == "NOERROR", r.Output);
        return Assert.Single(r.Answer);
    }
}
