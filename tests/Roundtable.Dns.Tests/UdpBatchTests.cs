using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// The UDP workers' batches (recvmmsg/sendmmsg on Linux): many datagrams taken by one call are
/// answered exactly as one at a time would answer them, each response to its own sender. To make
/// the batches certain rather than likely, each test sends every datagram to the bound socket
/// before its one worker starts: the first receive then finds them all waiting. 200 small
/// datagrams fit in a socket's default receive buffer (about 250 do).
/// </summary>
public sealed class UdpBatchTests
{
    private const int Clients = 40;
    private const int PerClient = 5;
    private const ushort Sentinel = 0xFFFF;

    [Theory]
    [InlineData("127.0.0.1", 32)]
    [InlineData("::1", 32)]
    [InlineData("127.0.0.1", 1)]
    public async Task Datagrams_waiting_together_are_each_answered_to_their_sender_with_their_id(string address, int batchSize)
    {
        var engine = new AnswerEngine(TestZones.Set());
        var sockets = UdpListener.Bind(new IPEndPoint(IPAddress.Parse(address), 0), workers: 1);
        var server = (IPEndPoint)sockets[0].LocalEndPoint!;
        var clients = Enumerable.Range(0, Clients).Select(_ => Client(server)).ToList();
        var expected = clients.Select(_ => new List<(ushort Id, int Rcode)>()).ToList();
        try
        {
            // Round by round, so consecutive datagrams (and so every batch) come from many clients.
            for (var k = 0; k < PerClient; k++)
            {
                for (var c = 0; c < Clients; c++)
                {
                    var id = (ushort)((c * PerClient) + k);
                    var (packet, rcode) = Datagram(id, c, k);
                    clients[c].SendTo(packet, server);
                    if (rcode is { } answered)
                    {
                        expected[c].Add((id, answered));
                    }
                }
            }

            var listener = UdpListener.Start(sockets, workers: 1, engine, limiter: null, maxQueryBytes: 4096, batchSize);
            try
            {
                for (var c = 0; c < Clients; c++)
                {
                    // One worker answers in the order it received: each client's answers come in its own order.
                    var got = expected[c].Select(_ => Receive(clients[c])).ToList();
                    Assert.Equal(expected[c].Select(e => e.Id), got.Select(r => Packets.Id(r)));
                    Assert.Equal(expected[c].Select(e => e.Rcode), got.Select(Packets.Rcode));
                    Assert.All(got.Where(r => Packets.Rcode(r) == 0), r => Assert.Equal("www", QuestionFirstLabel(r)));

                    // Nothing came for the dropped datagrams: the next answer is the one to this query.
                    clients[c].SendTo(Packets.Query("www.forum.internal.", RecordType.A, Sentinel), server);
                    Assert.Equal(Sentinel, Packets.Id(Receive(clients[c])));
                }

                if (batchSize > 1 && OperatingSystem.IsLinux())
                {
                    Assert.Equal(batchSize, listener.LargestBatch);
                }
            }
            finally
            {
                await listener.StopAsync();
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task The_rate_limit_drops_and_slips_inside_one_batch_and_sends_only_what_it_keeps()
    {
        // One prefix, 5 tokens, every 2nd limited response slipped; the clock stands still.
        var clock = new ManualTimeProvider();
        var limiter = new ResponseRateLimiter(new RateLimitOptions { ResponsesPerSecond = 5, Slip = 2 }, clock);
        var sockets = UdpListener.Bind(new IPEndPoint(IPAddress.Loopback, 0), workers: 1);
        var server = (IPEndPoint)sockets[0].LocalEndPoint!;
        using var client = Client(server);
        try
        {
            for (ushort id = 0; id < 20; id++)
            {
                client.SendTo(Packets.Query("www.forum.internal.", RecordType.A, id), server);
            }

            var listener = UdpListener.Start(sockets, workers: 1, new AnswerEngine(TestZones.Set()), limiter, maxQueryBytes: 4096, batchSize: 32);
            try
            {
                // 0–4 answered in full, then the 2nd, 4th, … limited ones (6, 8, …, 18) slipped
                // (truncated), the others dropped.
                var got = Enumerable.Range(0, 12).Select(_ => Receive(client)).ToList();
                Assert.Equal(new[] { 0, 1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 18 }, got.Select(r => (int)Packets.Id(r)));
                Assert.All(got.Take(5), r => Assert.False(IsTruncatedToQuestion(r)));
                Assert.All(got.Skip(5), r => Assert.True(IsTruncatedToQuestion(r)));

                clock.Advance(TimeSpan.FromSeconds(1));
                client.SendTo(Packets.Query("www.forum.internal.", RecordType.A, Sentinel), server);
                Assert.Equal(Sentinel, Packets.Id(Receive(client)));
                if (OperatingSystem.IsLinux())
                {
                    Assert.Equal(20, listener.LargestBatch);
                }
            }
            finally
            {
                await listener.StopAsync();
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    /// <summary>
    /// The <paramref name="k"/>-th datagram of client <paramref name="c"/> and the rcode it must
    /// get, or null when it must be dropped. Most are good queries; some clients send, at their
    /// third, a datagram shorter than a header, a response, or a question cut short.
    /// </summary>
    private static (byte[] Packet, int? Rcode) Datagram(ushort id, int c, int k)
    {
        if (k != 2 || c % 4 != 1)
        {
            return (Packets.Query("www.forum.internal.", c % 2 == 0 ? RecordType.A : RecordType.AAAA, id), 0);
        }

        byte[] packet;
        int? rcode;
        switch (c / 4 % 3)
        {
            case 0:
                packet = Convert.FromHexString("BEEF0100");
                rcode = null;
                break;
            case 1:
                packet = Convert.FromHexString("BEEF81000001000000000000037777770000010001");
                rcode = null;
                break;
            default:
                packet = Convert.FromHexString("BEEF01000001000000000000037777");
                rcode = 1;
                break;
        }

        if (packet.Length >= 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet, id);
        }

        return (packet, rcode);
    }

    private static Socket Client(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 10_000 };
        socket.Bind(new IPEndPoint(server.Address, 0));
        return socket;
    }

    private static byte[] Receive(Socket client)
    {
        var buffer = new byte[AnswerEngine.ResponseBufferSize];
        var length = client.Receive(buffer);
        return buffer[..length];
    }

    /// <summary>The first label of the response's question.</summary>
    private static string QuestionFirstLabel(byte[] response) =>
        System.Text.Encoding.ASCII.GetString(response, 13, response[12]);

    /// <summary>TC set and no records: header and question only (the slip's truncated form).</summary>
    private static bool IsTruncatedToQuestion(byte[] response) =>
        (response[2] & 0x02) != 0 && response.AsSpan(6, 6).IndexOfAnyExcept((byte)0) < 0;
}
