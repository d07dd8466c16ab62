using System.Net;
using System.Net.Sockets;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// Tests that run alone, after the parallel ones: one counts every byte the process allocates, one
/// checks that a port is free after stopping (another test binding port 0, or connecting, could
/// be handed that port in between).
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// The server's UDP path allocates nothing per query either: not only the engine
/// (<see cref="AllocationTests"/>) but the receive, rate-limit and send around it. The workers are
/// other threads, so this counts the whole process (GC.GetTotalAllocatedBytes) over a burst of
/// queries from a client that itself allocates nothing, and bounds the bytes per query well below
/// one object (24 bytes) per query; what remains is the runtime's own background allocation.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class UdpAllocationTests
{
    private const int Queries = 20_000;

    [Fact]
    public async Task Answering_over_udp_allocates_nothing_per_query()
    {
        await using var server = DnsServer.Start(
            new AnswerEngine(TestZones.Set()),
            new DnsServerOptions { RateLimit = new RateLimitOptions { ResponsesPerSecond = 1_000_000_000 }, UdpWorkers = 2 });
        using var client = new Socket(server.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        client.ReceiveTimeout = 5000;
        var address = server.EndPoint.Serialize();
        var from = new SocketAddress(server.EndPoint.AddressFamily);
        var query = Packets.Query("www.forum.internal.", RecordType.A);
        var response = new byte[AnswerEngine.ResponseBufferSize];

        Exchange(1_000); // warm: JIT, first buckets, socket buffers
        var before = GC.GetTotalAllocatedBytes(precise: true);
        Exchange(Queries);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < Queries * 4L, $"{allocated} bytes over {Queries} queries ({(double)allocated / Queries:F2} per query)");

        void Exchange(int count)
        {
            for (var i = 0; i < count; i++)
            {
                client.SendTo(query, SocketFlags.None, address);
                var length = client.ReceiveFrom(response, SocketFlags.None, from);
                Assert.True(length > 12);
            }
        }
    }

    /// <summary>
    /// The same with bursts of 32 queries in flight from each of 4 clients, so that the workers'
    /// receive calls take several datagrams at once (recvmmsg on Linux) and send several responses
    /// (sendmmsg): the batches allocate nothing either.
    /// </summary>
    [Fact]
    public async Task Answering_bursts_over_udp_allocates_nothing_per_query()
    {
        const int Burst = 32;
        await using var server = DnsServer.Start(
            new AnswerEngine(TestZones.Set()),
            new DnsServerOptions { RateLimit = new RateLimitOptions { ResponsesPerSecond = 1_000_000_000 }, UdpWorkers = 2 });
        var clients = Enumerable.Range(0, 4).Select(_ => new Socket(server.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 }).ToArray();
        var address = server.EndPoint.Serialize();
        var from = new SocketAddress(server.EndPoint.AddressFamily);
        var query = Packets.Query("www.forum.internal.", RecordType.A);
        var response = new byte[AnswerEngine.ResponseBufferSize];
        try
        {
            Exchange(1_000 / Burst / clients.Length + 1);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var rounds = Queries / Burst / clients.Length;
            Exchange(rounds);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var queries = rounds * Burst * clients.Length;
            Assert.True(allocated < queries * 4L, $"{allocated} bytes over {queries} queries ({(double)allocated / queries:F2} per query)");
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        void Exchange(int rounds)
        {
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < Burst; i++)
                {
                    foreach (var client in clients)
                    {
                        client.SendTo(query, SocketFlags.None, address);
                    }
                }

                foreach (var client in clients)
                {
                    for (var i = 0; i < Burst; i++)
                    {
                        Assert.True(client.ReceiveFrom(response, SocketFlags.None, from) > 12);
                    }
                }
            }
        }
    }
}
