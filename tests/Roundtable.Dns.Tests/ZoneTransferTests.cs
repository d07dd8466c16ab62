using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>AXFR and IXFR asked by the real dig and kdig: the ACL and TSIG rules, the UDP answers, large zones, the incremental form.</summary>
public sealed class ZoneTransferTests : IAsyncLifetime
{
    private const string Key = "hmac-sha256:xfr.forum.internal.:" + TestZones.TransferSecret;

    /// <summary>
    /// Records of <see cref="TestZones.Forum"/> besides its SOA, counted by hand: apex NS 2, their
    /// glue 2, www 2, MX, mail, TXT, CAA, 6 CNAMEs, SRV, TLSA, delegation NS 2, its glue, DS,
    /// wildcard 2, deep.ent.here, 12 TXT at big.
    /// </summary>
    private const int ForumRecords = 37;

    private readonly ConcurrentQueue<ZoneTransferServed> served = new();
    private DnsServer server = null!;

    public Task InitializeAsync()
    {
        server = Start(TestZones.TransferSet());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public void Axfr_signed_with_the_key_gives_the_whole_zone_between_two_soas()
    {
        var r = Dig.KQuery(server.EndPoint, "-y", Key, "forum.internal.", "AXFR");
        Assert.DoesNotContain(";; ERROR", r.Output, StringComparison.Ordinal);
        var records = Records(r.Output);
        Assert.Equal("SOA", records[0].Type);
        Assert.Equal("SOA", records[^1].Type);
        Assert.Equal(ForumRecords + 2, records.Count);
        Assert.Contains(records, x => x is { Owner: "ns.sub.forum.internal.", Type: "A" });
        Assert.Contains(records, x => x is { Owner: "sub.forum.internal.", Type: "DS" });
        Assert.Contains(records, x => x is { Owner: "*.wild.forum.internal.", Type: "TXT" });
        Assert.Equal(2, records.Count(x => x.Type == "SOA"));
    }

    [Fact]
    public void Dig_verifies_our_tsig_on_an_axfr()
    {
        var r = Dig.Query(server.EndPoint, "-y", Key, "forum.internal.", "AXFR");
        Assert.DoesNotContain("failed", r.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ForumRecords + 2, Records(r.Output).Count);
    }

    [Fact]
    public async Task Axfr_without_tsig_is_refused_when_the_zone_has_keys()
    {
        Assert.Contains("Transfer failed", Dig.Query(server.EndPoint, "forum.internal.", "AXFR").Output, StringComparison.Ordinal);
        var response = await Packets.TcpExchangeAsync(server.EndPoint, Packets.Query("forum.internal.", RecordType.AXFR));
        Assert.Equal(5, Packets.Rcode(response));
        Assert.Empty(served);
    }

    [Fact]
    public async Task Axfr_from_outside_the_allowed_networks_is_refused_even_when_signed()
    {
        var policy = new ZoneTransferPolicy([IPNetwork.Parse("10.0.0.0/8")], [TestZones.TransferKey], []);
        await using var closed = Start(TestZones.TransferSet(policy: policy));
        var r = Dig.KQuery(closed.EndPoint, "-y", Key, "forum.internal.", "AXFR");
        Assert.Contains("REFUSED", r.Output, StringComparison.Ordinal);
        Assert.Empty(Records(r.Output));
    }

    [Fact]
    public async Task A_zone_without_policy_refuses_and_a_name_that_is_no_zone_is_notauth()
    {
        var response = await Packets.TcpExchangeAsync(server.EndPoint, Packets.Query("lab.forum.internal.", RecordType.AXFR));
        Assert.Equal(5, Packets.Rcode(response));
        response = await Packets.TcpExchangeAsync(server.EndPoint, Packets.Query("www.forum.internal.", RecordType.AXFR));
        Assert.Equal(9, Packets.Rcode(response));
    }

    [Fact]
    public void Tsig_errors_are_answered_as_rfc_8945_says()
    {
        var wrongSecret = Dig.KQuery(server.EndPoint, "-y", "hmac-sha256:xfr.forum.internal.:" + Convert.ToBase64String(new byte[32]), "forum.internal.", "AXFR");
        Assert.Contains("BADSIG", wrongSecret.Output, StringComparison.Ordinal);
        var unknownKey = Dig.KQuery(server.EndPoint, "-y", "hmac-sha256:other.key.:" + TestZones.TransferSecret, "forum.internal.", "AXFR");
        Assert.Contains("BADKEY", unknownKey.Output, StringComparison.Ordinal);
        Assert.Empty(Records(wrongSecret.Output));
        Assert.Empty(Records(unknownKey.Output));
    }

    [Fact]
    public async Task A_request_signed_an_hour_off_our_clock_gets_a_signed_badtime()
    {
        var engine = new AnswerEngine(TestZones.TransferSet(), new ZoneTransferOptions { TimeProvider = new ShiftedClock(TimeSpan.FromHours(1)) });
        await using var late = DnsServer.Start(engine, new DnsServerOptions { RateLimit = null });
        var r = Dig.KQuery(late.EndPoint, "-y", Key, "forum.internal.", "AXFR");
        Assert.Contains("BADTIME", r.Output, StringComparison.Ordinal);
        Assert.Empty(Records(r.Output));
    }

    [Fact]
    public async Task Axfr_over_udp_is_formerr_and_ixfr_over_udp_is_the_current_soa()
    {
        var axfr = await Packets.ExchangeAsync(server.EndPoint, Packets.Query("forum.internal.", RecordType.AXFR), TimeSpan.FromSeconds(3));
        Assert.Equal(1, Packets.Rcode(axfr!));

        var ixfr = Dig.Query(server.EndPoint, "+notcp", "-y", Key, "forum.internal.", "IXFR=41");
        Assert.Equal("NOERROR", ixfr.Status);
        var soa = Assert.Single(ixfr.Answer);
        Assert.Equal("SOA", soa.Type);
        Assert.Contains(" 42 ", soa.Data, StringComparison.Ordinal);
        Assert.Contains(served, s => s is { Style: TransferStyle.SoaOnly, Requested: RecordType.IXFR });
    }

    [Fact]
    public void Ixfr_gives_the_differences_since_the_clients_serial()
    {
        server.Engine.Publish(TestZones.TransferSet(serial: 43, wwwAddress: "192.0.2.11"));
        server.Engine.Publish(TestZones.TransferSet(serial: 44, wwwAddress: "192.0.2.12"));
        var r = Dig.Query(server.EndPoint, "-y", Key, "forum.internal.", "IXFR=42");
        var records = Records(r.Output);
        Assert.Equal(
            ["SOA 44", "SOA 42", "A 192.0.2.10", "SOA 43", "A 192.0.2.11", "SOA 43", "A 192.0.2.11", "SOA 44", "A 192.0.2.12", "SOA 44"],
            records.Select(x => x.Type == "SOA" ? "SOA " + x.Data.Split(' ')[2] : x.Type + " " + x.Data));
        Assert.Contains(served, s => s is { Style: TransferStyle.Incremental, Serial: 44 });

        var current = Records(Dig.Query(server.EndPoint, "-y", Key, "forum.internal.", "IXFR=44").Output);
        Assert.Equal("SOA", Assert.Single(current).Type);
    }

    [Fact]
    public void Ixfr_older_than_the_journal_falls_back_to_the_whole_zone()
    {
        server.Engine.Publish(TestZones.TransferSet(serial: 43, wwwAddress: "192.0.2.11"));
        var records = Records(Dig.Query(server.EndPoint, "-y", Key, "forum.internal.", "IXFR=30").Output);
        Assert.Equal(ForumRecords + 2, records.Count);
        Assert.Contains(served, s => s is { Style: TransferStyle.Full, Requested: RecordType.IXFR });
    }

    [Fact]
    public async Task A_large_zone_transfers_complete_across_many_messages()
    {
        const int names = 20_000;
        var zone = DnsZone.Create(
            "forum.internal.",
            new SoaSettings("ns1.forum.internal.", "hostmaster.forum.internal.", 7),
            [new NameServer("ns1", ["192.0.2.53"])],
            Enumerable.Range(0, names).Select(i => new ZoneRecord($"host{i}", RecordType.A, 300, $"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}")));
        await using var big = Start(new ZoneSet([zone.WithTransferPolicy(TestZones.LoopbackPolicy())]));
        var r = Dig.Query(big.EndPoint, "+stats", "-y", Key, "forum.internal.", "AXFR");
        Assert.DoesNotContain("failed", r.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("verify", r.Output, StringComparison.OrdinalIgnoreCase);
        var records = Records(r.Output);
        Assert.Equal(names + 4, records.Count); // SOA, NS, glue A, the names, SOA
        Assert.Equal(names, records.Select(x => x.Owner).Distinct().Count(o => o.StartsWith("host", StringComparison.Ordinal)));
        var done = Assert.Single(served);
        Assert.True(done.Messages > 10, $"{done.Messages} messages");
        TestContext.Report($"DNS: AXFR of {names:N0} names in {done.Messages} messages");
        Assert.Contains($"messages {done.Messages.ToString(CultureInfo.InvariantCulture)}", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_message_of_a_signed_transfer_carries_a_tsig_and_only_the_first_the_question()
    {
        var engine = new AnswerEngine(TestZones.TransferSet(), new ZoneTransferOptions { MessageTargetBytes = 512 });
        var request = Packets.Signed(Packets.Query("forum.internal.", RecordType.AXFR), TestZones.TransferKey, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var buffer = new byte[AnswerEngine.ResponseBufferSize];
        byte[] tsigOwnerAndType = [.. TestZones.TransferKey.Name.Wire, 0, 250];
        var questions = new List<int>();
        var records = 0;
        foreach (var length in engine.Transfer(request, IPAddress.Loopback, overTcp: true, buffer))
        {
            var message = buffer[..length];
            Assert.Equal(0, Packets.Rcode(message));
            Assert.Equal(1, message[11]);
            Assert.True(message.AsSpan().LastIndexOf(tsigOwnerAndType) > 0);
            questions.Add(message[5]);
            records += (message[6] << 8) | message[7];
        }

        Assert.True(questions.Count > 2, $"{questions.Count} messages");
        Assert.Equal([1, .. Enumerable.Repeat(0, questions.Count - 1)], questions);
        Assert.Equal(ForumRecords + 2, records);
    }

    private DnsServer Start(ZoneSet zones)
    {
        var engine = new AnswerEngine(zones, new ZoneTransferOptions());
        engine.TransferServed += served.Enqueue;
        return DnsServer.Start(engine, new DnsServerOptions { RateLimit = null });
    }


    /// <summary>The record lines of a transfer as dig or kdig print them.</summary>
    private static List<DigRecord> Records(string output) =>
        [.. output.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith(';') && l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length >= 4)
            .Select(l => l.Split([' ', '\t'], 5, StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p[2] == "IN")
            .Select(p => new DigRecord(p[0].ToLowerInvariant(), uint.Parse(p[1], CultureInfo.InvariantCulture), p[3], p.Length > 4 ? p[4].Trim() : ""))];
}
