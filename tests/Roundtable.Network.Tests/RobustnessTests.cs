using System.Buffers.Binary;
using System.Net.Sockets;
using Roundtable.Core.Crypto;
using Roundtable.Network.Tests.Support;
using Xunit.Abstractions;

namespace Roundtable.Network.Tests;

public sealed class RobustnessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AnOversizeFrame_DisconnectsItsSender_WhileOtherPeersKeepWorking()
    {
        await using var b = await TestNode.StartAsync("b", output, o => o with { MaxFrameBytes = 64 * 1024 });
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address] });
        await using var c = await TestNode.StartAsync("c", output, o => o with { PersistentPeers = [b.Address] });
        await Eventually.True(() => b.Network.Peers.Count == 2 && a.IsConnectedTo(b) && c.IsConnectedTo(b), "a and c to connect to b");

        Assert.True(a.Network.Send(b.Id, 1, new byte[100 * 1024]));

        await Eventually.True(() => b.Disconnected.Any(d => d.NodeId == a.Id), "b to drop a");
        Assert.Contains("exceeds the limit of 65536", b.Disconnected.First(d => d.NodeId == a.Id).Reason, StringComparison.Ordinal);
        Assert.Equal(0, b.CountFrom(a, 1));
        Assert.Contains(b.Log.Lines, l => l.Contains("Disconnecting peer", StringComparison.Ordinal) && l.Contains("exceeds", StringComparison.Ordinal));

        Assert.True(c.Network.Send(b.Id, 2, "still here"u8.ToArray()));
        Assert.True(b.Network.Send(c.Id, 3, "so am i"u8.ToArray()));
        await Eventually.True(() => b.CountFrom(c, 2) == 1 && c.CountFrom(b, 3) == 1, "b and c to keep exchanging");
        Assert.True(c.IsConnectedTo(b));
    }

    [Fact]
    public async Task AZeroLengthFrame_DisconnectsThePeer()
    {
        await using var b = await TestNode.StartAsync("b", output);
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);
        await using var raw = await RawPeer.HandshakeAsync(b.EndPoint, identity);
        await Eventually.True(() => b.Network.Peers.Count == 1, "the raw peer to be connected");

        await raw.WriteAsync([0, 0, 0, 0]);

        Assert.Contains("zero-length frame", await raw.ReadUntilClosedAsync(), StringComparison.Ordinal);
        await Eventually.True(() => b.Disconnected.Any(), "b to report it");
        Assert.Contains("protocol violation: zero-length frame", b.Disconnected.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrameClaimingFourGigabytes_DisconnectsThePeerWithoutWaitingForIt()
    {
        await using var b = await TestNode.StartAsync("b", output);
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);
        await using var raw = await RawPeer.HandshakeAsync(b.EndPoint, identity);

        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, uint.MaxValue);
        await raw.WriteAsync(header);

        Assert.Contains("exceeds the limit", await raw.ReadUntilClosedAsync(), StringComparison.Ordinal);
        await Eventually.True(() => b.Disconnected.Any(), "b to report it");
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 2, 0, 9 })] // unknown control code
    [InlineData(new byte[] { 0, 0, 0, 1, 0 })] // empty control frame
    public async Task AMalformedControlFrame_DisconnectsThePeer(byte[] frame)
    {
        await using var b = await TestNode.StartAsync("b", output);
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);
        await using var raw = await RawPeer.HandshakeAsync(b.EndPoint, identity);

        await raw.WriteAsync(frame);

        Assert.Contains("control", await raw.ReadUntilClosedAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawGarbage_GetsTheConnectionClosed_AndTheNodeKeepsServingOthers()
    {
        // A truncated TLS record makes the node wait for the rest: only the handshake timeout ends it.
        await using var b = await TestNode.StartAsync("b", output, o => o with { HandshakeTimeout = TimeSpan.FromSeconds(2) });
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address] });
        await Eventually.True(() => a.IsConnectedTo(b) && b.IsConnectedTo(a), "a to connect");

        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);
        var clients = new List<TcpClient>();
        try
        {
            foreach (var payload in new[] { "GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), garbage, [0x16, 0x03, 0x01, 0xFF, 0xFF] })
            {
                var client = new TcpClient();
                clients.Add(client);
                await client.ConnectAsync(b.EndPoint);
                try
                {
                    await client.GetStream().WriteAsync(payload);
                }
                catch (IOException)
                {
                    // b may already have closed it.
                }
            }

            foreach (var client in clients)
            {
                await AssertClosedAsync(client);
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        await Eventually.True(() => b.HandshakeFailures.Count >= 2, "b to log the failed handshakes");
        Assert.True(a.Network.Send(b.Id, 1, "ping"u8.ToArray()));
        Assert.True(b.Network.Send(a.Id, 1, "pong"u8.ToArray()));
        await Eventually.True(() => b.CountFrom(a, 1) == 1 && a.CountFrom(b, 1) == 1, "a and b to keep exchanging");
        Assert.Single(b.Network.Peers);
    }

    [Fact]
    public async Task ASilentConnection_IsClosedWhenTheHandshakeTimesOut()
    {
        await using var b = await TestNode.StartAsync("b", output, o => o with { HandshakeTimeout = TimeSpan.FromMilliseconds(500) });
        using var client = new TcpClient();
        await client.ConnectAsync(b.EndPoint);

        await AssertClosedAsync(client);

        await Eventually.True(() => b.HandshakeFailures.Any(), "b to report the timeout");
        Assert.Contains("handshake took longer", b.HandshakeFailures.Single().Reason, StringComparison.Ordinal);
        await Eventually.True(() => b.Network.OpenSocketCount == 0, "the socket to be released");
    }

    [Fact]
    public async Task AnIdlePeer_IsDisconnected_ButPingsKeepAQuietConnectionAlive()
    {
        var timing = (Func<PeerNetworkOptions, PeerNetworkOptions>)(o => o with { PingInterval = TimeSpan.FromMilliseconds(100), IdleTimeout = TimeSpan.FromSeconds(2) });
        await using var b = await TestNode.StartAsync("b", output, timing);
        await using var a = await TestNode.StartAsync("a", output, o => timing(o) with { PersistentPeers = [b.Address] });
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);
        await using var raw = await RawPeer.HandshakeAsync(b.EndPoint, identity); // never pings

        Assert.Contains("nothing received", await raw.ReadUntilClosedAsync(), StringComparison.Ordinal);
        await Eventually.True(() => b.Disconnected.Any(d => d.NodeId == identity.NodeId), "b to drop the silent peer");

        // a and b have been quiet for longer than the idle timeout, yet pings kept them connected.
        Assert.Empty(a.Disconnected);
        Assert.True(a.IsConnectedTo(b));
    }

    [Fact]
    public async Task AFloodFromOnePeer_DoesNotStallTheOthers()
    {
        const int FloodCount = 100_000;
        const int ExchangeCount = 200;
        await using var b = await TestNode.StartAsync("b", output, o => o with { InboundQueueCapacity = 256 });
        await using var flooder = await TestNode.StartAsync("flooder", output, o => o with { PersistentPeers = [b.Address] });
        await using var c = await TestNode.StartAsync("c", output, o => o with { PersistentPeers = [b.Address] });
        await Eventually.True(() => b.Network.Peers.Count == 2 && flooder.IsConnectedTo(b) && c.IsConnectedTo(b), "everyone to connect");

        var flood = Task.Run(async () =>
        {
            var payload = new byte[24];
            for (var i = 0; i < FloodCount; i++)
            {
                BinaryPrimitives.WriteInt32BigEndian(payload, i);
                while (!flooder.Network.Send(b.Id, 1, payload))
                {
                    await Task.Delay(1); // queue full: let it drain (this paces the flood; it is not a test wait)
                }
            }
        });

        var exchange = Task.Run(async () =>
        {
            for (var i = 0; i < ExchangeCount; i++)
            {
                var payload = BitConverter.GetBytes(i);
                while (!c.Network.Send(b.Id, 2, payload))
                {
                    await Task.Delay(1);
                }

                while (!b.Network.Send(c.Id, 3, payload))
                {
                    await Task.Delay(1);
                }
            }
        });

        await Eventually.Completes(exchange, "c and b to queue their messages");
        await Eventually.True(() => b.CountFrom(c, 2) == ExchangeCount && c.CountFrom(b, 3) == ExchangeCount, "c and b to exchange every message during the flood");
        await Eventually.Completes(flood, "the flood to be queued", TimeSpan.FromMinutes(3));
        await Eventually.True(() => b.CountFrom(flooder, 1) == FloodCount, "every flood message to arrive eventually", TimeSpan.FromMinutes(3));

        // Per-peer order is kept.
        var sequence = b.Received.Where(m => m.From == flooder.Id).Select(m => BinaryPrimitives.ReadInt32BigEndian(m.Payload.Span));
        Assert.Equal(Enumerable.Range(0, FloodCount), sequence);
        Assert.True(c.IsConnectedTo(b) && flooder.IsConnectedTo(b));
    }

    [Fact]
    public async Task APeerThatStopsReading_LosesMessagesAndThenItsConnection_WithoutSlowingOthers()
    {
        const int Batches = 160;
        const int BatchSize = 50;
        await using var a = await TestNode.StartAsync("a", output, o => o with
        {
            OutboundQueueCapacityPerPeer = 64,
            WriteStallTimeout = TimeSpan.FromSeconds(2),
        });
        await using var c = await TestNode.StartAsync("c", output, o => o with { PersistentPeers = [a.Address] });
        using var key = PrivateKey.Generate();
        using var identity = new NodeIdentity(key);
        await using var stuck = await RawPeer.HandshakeAsync(a.EndPoint, identity); // never reads again
        await Eventually.True(() => a.Network.Peers.Count == 2, "c and the stuck peer to connect");

        var payload = new byte[4096];
        for (var batch = 0; batch < Batches; batch++)
        {
            for (var i = 0; i < BatchSize; i++)
            {
                a.Network.Broadcast(1, payload);
            }

            var expected = (batch + 1) * BatchSize;
            await Eventually.True(() => c.CountFrom(a, 1) == expected, $"c to receive batch {batch}");
        }

        // 32 MB is more than loopback TCP buffers hold: the stuck peer's queue filled (drops) and
        // its writes stalled until it was disconnected.
        await Eventually.True(() => a.Disconnected.Any(d => d.NodeId == identity.NodeId), "a to drop the stuck peer");
        Assert.Contains("accepted no data", a.Disconnected.Single(d => d.NodeId == identity.NodeId).Reason, StringComparison.Ordinal);
        Assert.Contains(a.Log.Lines, l => l.Contains(identity.NodeId.ToString(), StringComparison.Ordinal));
        Assert.True(c.IsConnectedTo(a));
    }

    [Fact]
    public async Task ASlowApplication_BackpressuresThePeer_WhoseSendQueueThenDropsMessages()
    {
        await using var b = await TestNode.StartAsync("b", output, o => o with { InboundQueueCapacity = 4 }, consume: false);
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address], OutboundQueueCapacityPerPeer = 16 });
        await Eventually.True(() => a.IsConnectedTo(b), "a to connect");

        var payload = new byte[16 * 1024];
        var accepted = 0;
        await Eventually.True(
            () =>
            {
                for (var i = 0; i < 100; i++)
                {
                    if (!a.Network.Send(b.Id, 1, payload))
                    {
                        return true;
                    }

                    accepted++;
                }

                return false;
            },
            "a's send queue to fill while b's application does not read");

        Assert.True(a.Network.Peers.Single().MessagesDropped >= 1);
        Assert.True(a.IsConnectedTo(b), "a full queue drops messages, not the peer");

        b.StartConsuming();
        await Eventually.True(() => b.CountFrom(a, 1) == accepted, "every accepted message to arrive once b reads");
    }

    [Fact]
    public async Task InboundPeersBeyondTheLimit_AreRefused()
    {
        await using var b = await TestNode.StartAsync("b", output, o => o with { MaxInboundPeers = 1 });
        using var key1 = PrivateKey.Generate();
        using var first = new NodeIdentity(key1);
        using var key2 = PrivateKey.Generate();
        using var second = new NodeIdentity(key2);
        await using var raw1 = await RawPeer.HandshakeAsync(b.EndPoint, first);
        await Eventually.True(() => b.Network.Peers.Count == 1, "the first peer to connect");

        await using var raw2 = await RawPeer.HandshakeAsync(b.EndPoint, second);

        Assert.Contains("already has 1 inbound peers", await raw2.ReadUntilClosedAsync(), StringComparison.Ordinal);
        Assert.Equal(first.NodeId, b.Network.Peers.Single().NodeId);
    }

    [Fact]
    public async Task ConnectionsBeyondThePendingHandshakeLimit_AreClosedAtAccept()
    {
        await using var b = await TestNode.StartAsync("b", output, o => o with { MaxPendingHandshakes = 1 });
        using var silent = new TcpClient();
        await silent.ConnectAsync(b.EndPoint);
        await Eventually.True(() => b.Network.OpenSocketCount == 1, "the first connection to be accepted");

        using var extra = new TcpClient();
        await extra.ConnectAsync(b.EndPoint);

        await AssertClosedAsync(extra);
        Assert.Contains(b.Log.Lines, l => l.Contains("handshakes in progress", StringComparison.Ordinal));
    }

    private static async Task AssertClosedAsync(TcpClient client)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        try
        {
            while (await client.GetStream().ReadAsync(buffer, timeout.Token) > 0)
            {
                // The node may answer with a TLS alert before closing.
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("The node did not close the connection.");
        }
        catch (IOException)
        {
            // Reset by the node: closed.
        }
    }
}
