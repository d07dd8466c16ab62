using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>NOTIFY (RFC 1996) on publish: its form, TSIG, and retries until the secondary answers.</summary>
public sealed class NotifyTests
{
    [Fact]
    public async Task Notify_is_sent_again_until_the_secondary_answers_and_then_stops()
    {
        using var secondary = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = (IPEndPoint)secondary.Client.LocalEndPoint!;
        var engine = new AnswerEngine(TestZones.TransferSet(42), new ZoneTransferOptions { NotifyFirstTimeout = TimeSpan.FromSeconds(1) });
        await using var server = DnsServer.Start(engine, new DnsServerOptions { RateLimit = null });
        engine.Publish(TestZones.TransferSet(43, policy: TestZones.LoopbackPolicy(target)));

        // The first one goes unanswered; the second is the same message again, and is answered.
        var first = await ReceiveAsync(secondary, TimeSpan.FromSeconds(5));
        var second = await ReceiveAsync(secondary, TimeSpan.FromSeconds(5));
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(first.Value.Buffer[..2], second.Value.Buffer[..2]);
        var notify = second.Value.Buffer;
        Assert.Equal(0x24, notify[2]); // opcode 4, AA, a query
        Assert.Equal((1, 1, 0, 1), (Count(notify, 4), Count(notify, 6), Count(notify, 8), Count(notify, 10)));
        Assert.Equal(IPAddress.Loopback, second.Value.RemoteEndPoint.Address);
        byte[] tsigOwnerAndType = [.. TestZones.TransferKey.Name.Wire, 0, 250];
        Assert.True(notify.AsSpan().IndexOf(tsigOwnerAndType) > 0, "the NOTIFY carries a TSIG by the zone's key");

        byte[] answer = [notify[0], notify[1], 0xA4, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
        await secondary.SendAsync(answer, second.Value.RemoteEndPoint);

        // Unanswered, the third would come 2 s after the second.
        Assert.Null(await ReceiveAsync(secondary, TimeSpan.FromSeconds(3)));
    }

    private static int Count(byte[] message, int at) => BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(at));

    private static async Task<UdpReceiveResult?> ReceiveAsync(UdpClient client, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await client.ReceiveAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
