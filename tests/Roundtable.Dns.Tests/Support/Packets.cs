using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Roundtable.Dns.Tests.Support;

/// <summary>Hand-built query bytes and a raw UDP exchange, for what dig will not send.</summary>
internal static class Packets
{
    /// <summary>A standard query for <paramref name="name"/> (absolute, dotted) and <paramref name="type"/>, optionally with an EDNS OPT (with the DO bit when <paramref name="dnssecOk"/>).</summary>
    public static byte[] Query(string name, RecordType type, ushort id = 0x1234, ushort? ednsSize = null, bool dnssecOk = false)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, (byte)(ednsSize is null ? 0 : 1) };
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }

        bytes.AddRange([0, (byte)((ushort)type >> 8), (byte)type, 0, 1]);
        if (ednsSize is { } size)
        {
            bytes.AddRange([0, 0, 41, (byte)(size >> 8), (byte)size, 0, 0, (byte)(dnssecOk ? 0x80 : 0), 0, 0, 0]);
        }

        return [.. bytes];
    }

    /// <summary>An IXFR request for <paramref name="zone"/> carrying the client's SOA with <paramref name="serial"/> in the authority section (RFC 1995 §3).</summary>
    public static byte[] Ixfr(string zone, uint serial, ushort id = 0x1234)
    {
        var query = Query(zone, RecordType.IXFR, id);
        query[9] = 1;

        // Owner: a pointer to the question; MNAME and RNAME: the root; then the five numbers.
        byte[] soa = [0xC0, 0x0C, 0, 6, 0, 1, 0, 0, 0, 0, 0, 22, 0, 0, (byte)(serial >> 24), (byte)(serial >> 16), (byte)(serial >> 8), (byte)serial, .. new byte[16]];
        return [.. query, .. soa];
    }

    /// <summary><paramref name="query"/> with a TSIG record signed by <paramref name="key"/> at <paramref name="time"/> (seconds since 1970), as a secondary sends it.</summary>
    public static byte[] Signed(byte[] query, TsigKey key, long time)
    {
        var buffer = new byte[query.Length + Tsig.MaxRecordLength];
        query.CopyTo(buffer, 0);
        var end = Tsig.Sign(buffer, query.Length, key, [], timersOnly: false, time, TsigError.None, [], new byte[Tsig.MacLength]);
        return buffer[..end];
    }

    /// <summary>Sends one query over TCP and reads the first response message.</summary>
    public static async Task<byte[]> TcpExchangeAsync(IPEndPoint server, byte[] query)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server);
        var stream = client.GetStream();
        await stream.WriteAsync((byte[])[(byte)(query.Length >> 8), (byte)query.Length, .. query]);
        var prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix);
        var response = new byte[(prefix[0] << 8) | prefix[1]];
        await stream.ReadExactlyAsync(response);
        return response;
    }

    /// <summary>Sends one datagram and waits for a reply; null when none comes within <paramref name="wait"/>.</summary>
    public static async Task<byte[]?> ExchangeAsync(IPEndPoint server, byte[] packet, TimeSpan wait)
    {
        using var client = new UdpClient(AddressFamily.InterNetwork);
        client.Connect(server);
        await client.SendAsync(packet);
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return (await client.ReceiveAsync(timeout.Token)).Buffer;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public static int Rcode(byte[] response) => response[3] & 0xF;

    public static ushort Id(byte[] response) => BinaryPrimitives.ReadUInt16BigEndian(response);

    public static bool Truncated(byte[] response) => (response[2] & 0x02) != 0;
}
