using System.Net;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>Response-rate limiting per client prefix with a clock the test moves.</summary>
public sealed class RateLimitTests
{
    private static readonly SocketAddress ClientA = new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5353).Serialize();
    private static readonly SocketAddress SamePrefix = new IPEndPoint(IPAddress.Parse("198.51.100.200"), 1).Serialize();
    private static readonly SocketAddress OtherPrefix = new IPEndPoint(IPAddress.Parse("198.51.101.7"), 5353).Serialize();

    [Fact]
    public void A_prefix_over_its_rate_gets_every_second_response_truncated_and_the_rest_dropped()
    {
        var clock = new ManualTimeProvider();
        var limiter = new ResponseRateLimiter(new RateLimitOptions { ResponsesPerSecond = 5, Slip = 2 }, clock);
        var decisions = Enumerable.Range(0, 11).Select(_ => limiter.Check(ClientA)).ToArray();
        Assert.Equal(
            [RateDecision.Send, RateDecision.Send, RateDecision.Send, RateDecision.Send, RateDecision.Send,
             RateDecision.Drop, RateDecision.Slip, RateDecision.Drop, RateDecision.Slip, RateDecision.Drop, RateDecision.Slip],
            decisions);

        // The /24 shares the bucket; another /24 does not.
        Assert.NotEqual(RateDecision.Send, limiter.Check(SamePrefix));
        Assert.Equal(RateDecision.Send, limiter.Check(OtherPrefix));
    }

    [Fact]
    public void Tokens_come_back_with_time_and_never_beyond_one_second_of_burst()
    {
        var clock = new ManualTimeProvider();
        var limiter = new ResponseRateLimiter(new RateLimitOptions { ResponsesPerSecond = 10, Slip = 0 }, clock);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(RateDecision.Send, limiter.Check(ClientA));
        }

        Assert.Equal(RateDecision.Drop, limiter.Check(ClientA));
        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal([RateDecision.Send, RateDecision.Send, RateDecision.Drop], Enumerable.Range(0, 3).Select(_ => limiter.Check(ClientA)));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(10, Enumerable.Range(0, 20).Count(_ => limiter.Check(ClientA) == RateDecision.Send));
    }

    [Fact]
    public void Ipv6_clients_are_grouped_by_56_bit_prefix()
    {
        var limiter = new ResponseRateLimiter(new RateLimitOptions { ResponsesPerSecond = 1, Slip = 0 }, new ManualTimeProvider());
        Assert.Equal(RateDecision.Send, limiter.Check(new IPEndPoint(IPAddress.Parse("2001:db8:0:100::1"), 1).Serialize()));
        Assert.Equal(RateDecision.Drop, limiter.Check(new IPEndPoint(IPAddress.Parse("2001:db8:0:1ff::2"), 1).Serialize()));
        Assert.Equal(RateDecision.Send, limiter.Check(new IPEndPoint(IPAddress.Parse("2001:db8:0:200::1"), 1).Serialize()));
    }

    [Fact]
    public async Task The_server_slips_truncated_answers_to_a_flooding_client()
    {
        var clock = new ManualTimeProvider();
        await using var server = DnsServer.Start(
            new AnswerEngine(TestZones.Set()),
            new DnsServerOptions { RateLimit = new RateLimitOptions { ResponsesPerSecond = 3, Slip = 1 }, TimeProvider = clock });
        var query = Packets.Query("www.forum.internal.", RecordType.A);
        var responses = new List<byte[]>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add((await Packets.ExchangeAsync(server.EndPoint, query, TimeSpan.FromSeconds(2)))!);
        }

        Assert.Equal([false, false, false, true, true], responses.Select(Packets.Truncated));
        Assert.All(responses[3..], r => Assert.Equal(0, r[7]));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(Packets.Truncated((await Packets.ExchangeAsync(server.EndPoint, query, TimeSpan.FromSeconds(2)))!));
    }
}
