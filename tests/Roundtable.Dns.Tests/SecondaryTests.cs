using System.Collections.Concurrent;
using System.Diagnostics;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>A real NSD as secondary: it transfers the zone with TSIG, and after a publish it hears our NOTIFY and fetches the change by IXFR.</summary>
public sealed class SecondaryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Nsd_transfers_the_zone_then_follows_a_publish_by_notify_and_ixfr()
    {
        var served = new ConcurrentQueue<ZoneTransferServed>();
        var engine = new AnswerEngine(TestZones.TransferSet(serial: 42), new ZoneTransferOptions { NotifyFirstTimeout = TimeSpan.FromMilliseconds(500) });
        engine.TransferServed += served.Enqueue;
        await using var primary = DnsServer.Start(engine, new DnsServerOptions { RateLimit = null });
        using var nsd = Nsd.Start("forum.internal.", primary.EndPoint);

        // The first transfer: NSD has nothing, so it asks for the whole zone.
        await WaitForAsync(nsd, () => Answer(nsd, "forum.internal.", "SOA").StartsWith("ns1.forum.internal. hostmaster.forum.internal. 42 ", StringComparison.Ordinal));
        Assert.Equal("192.0.2.10", Answer(nsd, "www.forum.internal.", "A"));
        Assert.Equal("10 mail.forum.internal.", Answer(nsd, "forum.internal.", "MX"));
        Assert.Contains(served, s => s.Style == TransferStyle.Full);

        // A new version: NOTIFY tells NSD, which asks IXFR from serial 42 and serves the new address without a restart.
        engine.Publish(TestZones.TransferSet(serial: 43, wwwAddress: "192.0.2.11", policy: TestZones.LoopbackPolicy(nsd.EndPoint)));
        await WaitForAsync(nsd, () => Answer(nsd, "www.forum.internal.", "A") == "192.0.2.11");
        Assert.Contains(served, s => s is { Requested: RecordType.IXFR, Style: TransferStyle.Incremental, Serial: 43 });
        Assert.StartsWith("ns1.forum.internal. hostmaster.forum.internal. 43 ", Answer(nsd, "forum.internal.", "SOA"), StringComparison.Ordinal);
    }

    private static string Answer(Nsd nsd, string name, string type) => Dig.Query(nsd.EndPoint, name, type).Answer.FirstOrDefault()?.Data ?? "";

    private static async Task WaitForAsync(Nsd nsd, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Deadline, "NSD did not get there in time; its log:\n" + nsd.Log);
            await Task.Delay(200);
        }
    }
}
