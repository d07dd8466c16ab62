using Roundtable.Core.Hashing;
using Roundtable.Network.Tests.Support;
using Xunit.Abstractions;

namespace Roundtable.Network.Tests;

public sealed class ConnectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoNodes_ConnectThroughAPersistentPeer_AndExchangeBroadcastsAndDirectedSends()
    {
        await using var b = await TestNode.StartAsync("b", output);
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address] });

        await Eventually.True(() => a.IsConnectedTo(b) && b.IsConnectedTo(a), "a and b to connect");
        var atA = Assert.Single(a.Network.Peers);
        var atB = Assert.Single(b.Network.Peers);
        Assert.Equal(PeerDirection.Outbound, atA.Direction);
        Assert.Equal(PeerDirection.Inbound, atB.Direction);
        Assert.Equal(atA.LocalEndPoint, atB.RemoteEndPoint);
        Assert.Equal(b.EndPoint.Port, atA.ListenPort);
        Assert.Equal(a.EndPoint.Port, atB.ListenPort);
        await Eventually.True(() => a.Connected.Count == 1 && b.Connected.Count == 1, "PeerConnected on both sides");

        a.Network.Broadcast(1, "from a"u8.ToArray());
        Assert.True(b.Network.Send(a.Id, 2, "to a"u8.ToArray()));
        await Eventually.True(() => b.CountFrom(a, 1) == 1 && a.CountFrom(b, 2) == 1, "both messages");
        Assert.Equal("from a"u8.ToArray(), b.Received.Single().Payload.ToArray());
        Assert.Equal("to a"u8.ToArray(), a.Received.Single().Payload.ToArray());

        var after = Assert.Single(a.Network.Peers);
        Assert.True(after.BytesOut > 0 && after.BytesIn > 0);
    }

    [Fact]
    public async Task FourNodes_FormAMesh_BroadcastsReachEveryone_DirectedSendsOnlyTheirTarget()
    {
        var nodes = new List<TestNode>();
        try
        {
            // Every node lists every earlier node, so each pair has one dialer; the last also lists
            // them all again through the mesh.
            for (var i = 0; i < 4; i++)
            {
                var earlier = nodes.Select(n => n.Address).ToArray();
                nodes.Add(await TestNode.StartAsync("n" + i, output, o => o with { PersistentPeers = earlier }));
            }

            await Eventually.True(() => nodes.All(n => n.Network.Peers.Count == 3), "a full mesh");

            for (var i = 0; i < 4; i++)
            {
                nodes[i].Network.Broadcast(10, new[] { (byte)i });
            }

            await Eventually.True(() => nodes.All(n => n.Received.Count(m => m.Type == 10) == 3), "every broadcast everywhere");
            foreach (var node in nodes)
            {
                Assert.Equal(
                    nodes.Where(n => n != node).Select(n => n.Id).Order(),
                    node.Received.Where(m => m.Type == 10).Select(m => m.From).Order());
                Assert.All(node.Received, m => Assert.Equal((byte)nodes.FindIndex(n => n.Id == m.From), m.Payload.Span[0]));
            }

            Assert.True(nodes[0].Network.Send(nodes[3].Id, 11, "direct"u8.ToArray()));
            Assert.True(nodes[2].Network.Send(nodes[1].Id, 11, "other"u8.ToArray()));
            await Eventually.True(() => nodes[3].CountFrom(nodes[0], 11) == 1 && nodes[1].CountFrom(nodes[2], 11) == 1, "the directed sends");
            Assert.Equal(0, nodes[0].Received.Count(m => m.Type == 11));
            Assert.Equal(0, nodes[2].Received.Count(m => m.Type == 11));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Send_ToAnUnknownPeer_ReturnsFalse_AndBadArgumentsThrow()
    {
        await using var a = await TestNode.StartAsync("a", output);
        Assert.False(a.Network.Send(Hash256.Compute("nobody"u8), 1, new byte[1]));
        a.Network.Broadcast(1, new byte[1]); // no peers: nothing happens
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Network.Send(Hash256.Zero, 0, new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Network.Broadcast(0, new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Network.Broadcast(1, new byte[PeerNetworkOptions.DefaultMaxFrameBytes]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.Network.StartAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Dispose_ClosesEverything_TellsPeersWhy_AndCompletesInbound()
    {
        var b = await TestNode.StartAsync("b", output);
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address] });
        await Eventually.True(() => a.IsConnectedTo(b), "a to connect");

        await b.DisposeAsync();

        Assert.Equal(0, b.Network.OpenSocketCount);
        Assert.Empty(b.Network.Peers);
        Assert.True(b.Network.Inbound.Completion.IsCompleted);
        var disconnected = Assert.Single(b.Disconnected);
        Assert.Equal(a.Id, disconnected.NodeId);
        await Eventually.True(() => a.Disconnected.Any(), "a to see b leave");
        Assert.Contains("shutting down", a.Disconnected.Single().Reason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => b.Network.StartAsync(CancellationToken.None));
        await b.Network.DisposeAsync(); // idempotent
    }

    [Fact]
    public async Task Disconnect_ByTheApplication_TellsThePeer_AndAPersistentPeerIsRedialed()
    {
        await using var b = await TestNode.StartAsync("b", output);
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address] });
        await Eventually.True(() => a.IsConnectedTo(b), "a to connect");

        b.Network.Disconnect(a.Id, "sent an invalid vote");

        await Eventually.True(() => a.Disconnected.Any() && b.Disconnected.Any(), "both sides to see the disconnection");
        Assert.Contains("sent an invalid vote", b.Disconnected.Single().Reason, StringComparison.Ordinal);
        Assert.Contains("sent an invalid vote", a.Disconnected.Single().Reason, StringComparison.Ordinal);
        await Eventually.True(() => a.Connected.Count == 2 && a.IsConnectedTo(b) && b.IsConnectedTo(a), "a to redial");
    }

    [Fact]
    public async Task Disconnect_WithABan_RefusesThePeerUntilTheBanEnds()
    {
        await using var b = await TestNode.StartAsync("b", output);
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address] });
        await Eventually.True(() => a.IsConnectedTo(b), "a to connect");

        b.Network.Disconnect(a.Id, "equivocation", ban: TimeSpan.FromSeconds(2));

        await Eventually.True(() => b.HandshakeFailures.Any(f => f.Reason.Contains("banned", StringComparison.Ordinal)), "b to refuse the banned peer");
        // The connection is usable before its Connected event is recorded: wait for both.
        await Eventually.True(() => b.IsConnectedTo(a) && a.IsConnectedTo(b) && b.Connected.Count == 2, "the ban to end and a to reconnect");
    }
}
