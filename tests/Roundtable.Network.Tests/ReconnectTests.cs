using Roundtable.Core.Crypto;
using Roundtable.Network.Tests.Support;
using Xunit.Abstractions;

namespace Roundtable.Network.Tests;

public sealed class ReconnectTests(ITestOutputHelper output)
{
    [Fact]
    public async Task APersistentPeer_IsRedialed_AfterItRestartsOnTheSamePort()
    {
        using var bKey = PrivateKey.Generate();
        var b = await TestNode.StartAsync("b", output, key: bKey);
        var port = b.EndPoint.Port;
        await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address] });
        await Eventually.True(() => a.IsConnectedTo(b), "a to connect");

        await b.DisposeAsync();
        await Eventually.True(() => !a.IsConnectedTo(b), "a to notice b is gone");

        // Let a fail a few dials so that it is really backing off, then restart b on the same port.
        await Eventually.True(() => a.Log.Lines.Count(l => l.Contains("Dial of", StringComparison.Ordinal)) >= 3, "a to retry a few times");
        await using var restarted = await TestNode.StartAsync("b2", output, key: bKey, port: port);

        await Eventually.True(() => a.IsConnectedTo(restarted) && restarted.IsConnectedTo(a), "a to reconnect to the restarted b");
        a.Network.Send(restarted.Id, 1, "again"u8.ToArray());
        await Eventually.True(() => restarted.CountFrom(a, 1) == 1, "a message over the new connection");
        Assert.Equal(2, a.Connected.Count);
    }

    [Fact]
    public async Task NodesThatDialEachOther_EndUpWithExactlyOneConnection()
    {
        var aKey = PrivateKey.Generate();
        var bKey = PrivateKey.Generate();
        try
        {
            // Both list each other, and both dial each other several more times at once.
            await using var b = await TestNode.StartAsync("b", output, key: bKey);
            await using var a = await TestNode.StartAsync("a", output, o => o with { PersistentPeers = [b.Address] }, key: aKey);
            var dials = new List<Task<bool>>();
            for (var i = 0; i < 4; i++)
            {
                dials.Add(a.Network.ConnectOnceAsync(b.Address, CancellationToken.None));
                dials.Add(b.Network.ConnectOnceAsync(a.Address, CancellationToken.None));
            }

            await Eventually.Completes(Task.WhenAll(dials), "the extra dials");
            await AssertSingleConnectionAsync(a, b);

            // The survivor works in both directions.
            a.Network.Send(b.Id, 1, "x"u8.ToArray());
            b.Network.Send(a.Id, 1, "y"u8.ToArray());
            await Eventually.True(() => b.CountFrom(a, 1) == 1 && a.CountFrom(b, 1) == 1, "messages over the survivor");
        }
        finally
        {
            aKey.Dispose();
            bKey.Dispose();
        }
    }

    [Fact]
    public async Task TwoPersistentPeersOfEachOther_KeepOneConnection_DialedByTheLowerId()
    {
        // Start both before either can connect so that both dial.
        using var aKey = PrivateKey.Generate();
        using var bKey = PrivateKey.Generate();
        var lowKey = aKey.PublicKey.Id < bKey.PublicKey.Id ? aKey : bKey;
        var highKey = lowKey == aKey ? bKey : aKey;
        await using var high = await TestNode.StartAsync("high", output, key: highKey);
        await using var low = await TestNode.StartAsync("low", output, o => o with { PersistentPeers = [high.Address] }, key: lowKey);
        await Eventually.True(() => low.IsConnectedTo(high), "low to connect");

        // high now dials low as well (it is a peer of ours already): the new connection loses.
        var won = await high.Network.ConnectOnceAsync(low.Address, CancellationToken.None);

        Assert.False(won);
        await AssertSingleConnectionAsync(low, high);
        Assert.Equal(PeerDirection.Outbound, low.Network.Peers.Single().Direction);
        await Eventually.True(() => high.HandshakeFailures.Any(f => f.Reason.Contains("duplicate connection", StringComparison.Ordinal)), "high to report the duplicate");
        Assert.Single(low.Connected);
    }

    private static async Task AssertSingleConnectionAsync(TestNode x, TestNode y)
    {
        await Eventually.True(
            () =>
            {
                var atX = x.Network.Peers;
                var atY = y.Network.Peers;
                return atX.Count == 1 && atY.Count == 1
                    && atX[0].LocalEndPoint.Equals(atY[0].RemoteEndPoint) && atY[0].LocalEndPoint.Equals(atX[0].RemoteEndPoint)
                    && x.Network.OpenSocketCount == 1 && y.Network.OpenSocketCount == 1;
            },
            "exactly one connection, the same one at both ends");
        var info = x.Network.Peers.Single();
        Assert.NotEqual(info.Direction, y.Network.Peers.Single().Direction);
    }
}
