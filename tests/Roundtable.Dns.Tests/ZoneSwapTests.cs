using System.Buffers.Binary;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>Publishing a new height while queries run: every answer belongs to one height, never a mix.</summary>
public sealed class ZoneSwapTests
{
    [Fact]
    public async Task Queries_racing_a_swap_never_mix_two_heights_in_one_answer()
    {
        // At height h, alias is a CNAME to the missing name t{h}: the answer holds the CNAME (from
        // the node) and the SOA with serial h (from the apex), two reads of the snapshot that must agree.
        static ZoneSet Height(uint h) => new(
            [DnsZone.Create("forum.internal.", new SoaSettings("ns1", "hostmaster", h), [new NameServer("ns1", ["192.0.2.53"])], [new("alias", RecordType.CNAME, 60, $"t{h}")])],
            h);
        ZoneSet[] heights = [Height(100), Height(101)];
        var engine = new AnswerEngine(heights[0]);
        var query = Packets.Query("alias.forum.internal.", RecordType.A);
        var seen = new int[2];
        var mixed = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var response = new byte[AnswerEngine.ResponseBufferSize];
            while (!stop.IsCancellationRequested)
            {
                var length = engine.Answer(query, response, overTcp: false);
                var serial = BinaryPrimitives.ReadUInt32BigEndian(response.AsSpan(length - 20));
                var target = System.Text.Encoding.ASCII.GetString(response, 0, length).Contains($"t{serial}", StringComparison.Ordinal);
                if (!target || Packets.Rcode(response[..length]) != 3)
                {
                    Interlocked.Increment(ref mixed);
                }
                else
                {
                    Interlocked.Increment(ref seen[serial - 100]);
                }
            }
        })).ToArray();

        // Swap until both heights were answered many times (readers start when the pool gets to them).
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; (Volatile.Read(ref seen[0]) < 1000 || Volatile.Read(ref seen[1]) < 1000) && watch.Elapsed < TimeSpan.FromSeconds(10); i++)
        {
            engine.Publish(heights[(i + 1) % 2]);
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, mixed);
        Assert.All(seen, count => Assert.True(count > 0));
    }

    [Fact]
    public void The_published_set_is_the_one_read()
    {
        var engine = new AnswerEngine(ZoneSet.Empty);
        var set = TestZones.Set(height: 9);
        engine.Publish(set);
        Assert.Same(set, engine.Zones);
        Assert.Equal(9, engine.Zones.Height);
    }
}
