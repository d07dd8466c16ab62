using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// The UDP workers of <see cref="DnsServer"/>: one socket per worker on the port, a rate limit
/// shared across them, the port held exclusively, and stopping under load. Alone, for the
/// port-is-free check (<see cref="RunsAlone"/>).
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class UdpServerTests
{
    [Fact]
    public async Task Each_worker_has_its_own_socket_on_the_port_and_all_of_them_answer()
    {
        await using var server = DnsServer.Start(new AnswerEngine(TestZones.Set()), new DnsServerOptions { RateLimit = null, UdpWorkers = 4 });
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(4, BoundUdpSockets(server.EndPoint.Port));
        }

        // Clients on different ports hash to different sockets; every one is answered.
        var query = Packets.Query("www.forum.internal.", RecordType.A);
        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Packets.ExchangeAsync(server.EndPoint, query, TimeSpan.FromSeconds(3))));
        Assert.All(answers, a => Assert.Equal(0, Packets.Rcode(a!)));
        Assert.Equal("NOERROR", Dig.Query(server.EndPoint, "www.forum.internal.", "A").Status);
        Assert.Equal("NOERROR", Dig.Query(server.EndPoint, "+tcp", "www.forum.internal.", "A").Status);
    }

    [Fact]
    public async Task The_rate_limit_is_one_bucket_per_prefix_across_the_workers_sockets()
    {
        var clock = new ManualTimeProvider();
        await using var server = DnsServer.Start(
            new AnswerEngine(TestZones.Set()),
            new DnsServerOptions { RateLimit = new RateLimitOptions { ResponsesPerSecond = 5, Slip = 0 }, TimeProvider = clock, UdpWorkers = 4 });
        var query = Packets.Query("www.forum.internal.", RecordType.A);

        // 40 client ports in 127.0.0.0/24, spread over the 4 sockets: 5 answers in all, not 5 per socket.
        var answered = 0;
        for (var i = 0; i < 40; i++)
        {
            if (await Packets.ExchangeAsync(server.EndPoint, query, TimeSpan.FromMilliseconds(answered < 5 ? 2000 : 150)) is not null)
            {
                answered++;
            }
        }

        Assert.Equal(5, answered);
    }

    [Fact]
    public async Task A_second_server_cannot_take_a_port_the_first_holds()
    {
        await using var first = DnsServer.Start(new AnswerEngine(TestZones.Set()), new DnsServerOptions { RateLimit = null, UdpWorkers = 2 });
        Assert.Throws<SocketException>(() => DnsServer.Start(
            new AnswerEngine(TestZones.Set()),
            new DnsServerOptions { EndPoint = first.EndPoint, RateLimit = null, UdpWorkers = 2 }));
        Assert.Equal("NOERROR", Dig.Query(first.EndPoint, "www.forum.internal.", "A").Status);
    }

    [Fact]
    public async Task Stopping_while_clients_flood_the_server_never_throws_and_frees_the_port()
    {
        var query = Packets.Query("www.forum.internal.", RecordType.A);
        for (var round = 0; round < 20; round++)
        {
            var server = DnsServer.Start(new AnswerEngine(TestZones.Set()), new DnsServerOptions { RateLimit = null, UdpWorkers = 2 });
            var endPoint = server.EndPoint;
            using var flooding = new CancellationTokenSource();
            var sent = 0L;
            var received = 0L;
            var clients = Enumerable.Range(0, 3).Select(_ => new Thread(() => Flood(endPoint, query, flooding.Token, ref sent, ref received)) { IsBackground = true }).ToList();
            clients.ForEach(c => c.Start());

            // Let the workers get busy (answers coming back), then stop in the middle of it.
            var busy = Stopwatch.StartNew();
            while (Interlocked.Read(ref received) < 200 && busy.Elapsed < TimeSpan.FromSeconds(5))
            {
                Thread.Sleep(1);
            }

            Assert.True(Interlocked.Read(ref received) > 0, $"round {round}: no answers while flooding");
            // The deadline only catches a hang; how long a stop takes is not this test's business.
            var disposing = server.DisposeAsync().AsTask();
            await disposing.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(disposing.IsCompletedSuccessfully, $"round {round}: {disposing.Exception}");

            await flooding.CancelAsync();
            clients.ForEach(c => c.Join());

            // Free: an exclusive bind of UDP and TCP on the port succeeds.
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(endPoint);
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(endPoint);
            tcp.Listen(1);
            await server.DisposeAsync(); // twice is harmless
        }
    }

    private static void Flood(IPEndPoint server, byte[] query, CancellationToken token, ref long sent, ref long received)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(server);
        socket.Blocking = false;
        var buffer = new byte[AnswerEngine.ResponseBufferSize];
        while (!token.IsCancellationRequested)
        {
            try
            {
                socket.Send(query);
                Interlocked.Increment(ref sent);
                while (socket.Available > 0 && socket.Receive(buffer) > 0)
                {
                    Interlocked.Increment(ref received);
                }
            }
            catch (SocketException)
            {
                // Buffer full (EAGAIN), or the port refused once the server is gone: keep going.
            }
        }
    }

    /// <summary>UDP sockets bound to the port on loopback, from /proc/net/udp.</summary>
    private static int BoundUdpSockets(int port)
    {
        var local = "0100007F:" + port.ToString("X4", CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/net/udp").Skip(1).Count(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == local);
    }
}
