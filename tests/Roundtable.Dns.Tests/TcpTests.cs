using System.Net.Sockets;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>TCP framing, the connection bound and the idle timeout.</summary>
public sealed class TcpTests
{
    [Fact]
    public async Task Several_queries_share_one_connection_with_length_framing()
    {
        await using var server = DnsServer.Start(new AnswerEngine(TestZones.Set()), new DnsServerOptions { RateLimit = null });
        using var client = new TcpClient();
        await client.ConnectAsync(server.EndPoint);
        var stream = client.GetStream();
        foreach (var id in new ushort[] { 1, 2, 3 })
        {
            var response = await ExchangeAsync(stream, id);
            Assert.Equal(id, Packets.Id(response));
            Assert.False(Packets.Truncated(response));
            Assert.Equal(12, response[7]);
        }
    }

    [Fact]
    public async Task Connections_beyond_the_bound_are_closed_and_idle_ones_time_out()
    {
        // The idle limit is well above what connecting and the two exchanges take on a loaded
        // machine: at 500 ms a CI run saw the server close a connection before its first query.
        await using var server = DnsServer.Start(
            new AnswerEngine(TestZones.Set()),
            new DnsServerOptions { RateLimit = null, MaxTcpConnections = 2, TcpIdleTimeout = TimeSpan.FromSeconds(2) });
        using var first = new TcpClient();
        using var second = new TcpClient();
        using var third = new TcpClient();
        await first.ConnectAsync(server.EndPoint);
        await second.ConnectAsync(server.EndPoint);
        // An answer on each proves the server accepted both before the third connects.
        await ExchangeAsync(first.GetStream(), 1);
        await ExchangeAsync(second.GetStream(), 2);
        await third.ConnectAsync(server.EndPoint);
        Assert.Equal(0, await ReadOrClosed(third, TimeSpan.FromSeconds(2)));

        // The idle ones are closed by the server after the timeout, freeing their slots.
        Assert.Equal(0, await ReadOrClosed(first, TimeSpan.FromSeconds(6)));
        Assert.Equal(0, await ReadOrClosed(second, TimeSpan.FromSeconds(6)));
        Assert.Equal("NOERROR", Dig.Query(server.EndPoint, "+tcp", "www.forum.internal.", "A").Status);
    }

    private static async Task<byte[]> ExchangeAsync(NetworkStream stream, ushort id)
    {
        var query = Packets.Query("big.forum.internal.", RecordType.TXT, id);
        await stream.WriteAsync((byte[])[(byte)(query.Length >> 8), (byte)query.Length, .. query]);
        var prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix);
        var response = new byte[(prefix[0] << 8) | prefix[1]];
        await stream.ReadExactlyAsync(response);
        return response;
    }

    private static async Task<int> ReadOrClosed(TcpClient client, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await client.GetStream().ReadAsync(new byte[1], timeout.Token);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
