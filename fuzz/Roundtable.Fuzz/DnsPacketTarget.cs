using System.Net;
using Roundtable.Dns;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Fuzz;

/// <summary>
/// The DNS packet decoder and answer engine (Roundtable.Dns): any bytes a client sends over UDP or
/// TCP, zone transfer requests included (their decoder reads the IXFR client SOA and TSIG, and the
/// test zone accepts TSIG-signed transfers from loopback, so MAC and time checks run too). It has
/// no typed refusal: the engine must never throw, and whatever it answers must be a response to
/// that query (QR set, same ID) that fits the UDP limit.
/// </summary>
internal static class DnsPacketTarget
{
    private static readonly AnswerEngine Engine = new(TestZones.TransferSet());

    [ThreadStatic]
    private static byte[]? response;

    public static FuzzTarget Create() => new()
    {
        Name = "dns-packet",
        TestProject = "Roundtable.Dns.Tests",
        Seeds = Seeds,
        Run = Run,
        IsExpected = static _ => false,
        Dictionary = Dictionary(),
        MaxInputSize = 4096,
    };

    private static string Run(byte[] input)
    {
        var buffer = response ??= new byte[AnswerEngine.ResponseBufferSize];
        var overTcp = input.Length > 0 && (input[^1] & 1) == 1;
        if (TransferRequest.IsTransfer(input))
        {
            var messages = 0;
            foreach (var message in Engine.Transfer(input, IPAddress.Loopback, overTcp, buffer))
            {
                Check(input, buffer, message, overTcp);
                messages++;
            }

            return $"xfr:rcode:{buffer[3] & 0xF}:{(messages > 1 ? "many" : messages)}";
        }

        var length = Engine.Answer(input, buffer, overTcp);
        if (length == 0)
        {
            return "dropped";
        }

        Check(input, buffer, length, overTcp);
        return $"rcode:{buffer[3] & 0xF}{((buffer[2] & 0x02) != 0 ? ":tc" : "")}";
    }

    private static void Check(byte[] input, byte[] buffer, int length, bool overTcp)
    {
        if (length < 12 || (buffer[2] & 0x80) == 0 || buffer[0] != input[0] || buffer[1] != input[1])
        {
            throw new InvalidOperationException("answer is not a response to the query");
        }

        if (!overTcp && length > Engine.UdpPayloadSize)
        {
            throw new InvalidOperationException($"UDP answer of {length} bytes over the {Engine.UdpPayloadSize}-byte limit");
        }
    }

    private static IEnumerable<byte[]> Seeds(int seed)
    {
        string[] names = ["www.forum.internal.", "WwW.Forum.internal.", "host.sub.forum.internal.", "sub.forum.internal.", "x.wild.forum.internal.", "chain.forum.internal.", "loop1.forum.internal.", "big.forum.internal.", "nope.forum.internal.", "www.lab.forum.internal.", "example.com."];
        RecordType[] types = [RecordType.A, RecordType.AAAA, RecordType.MX, RecordType.TXT, RecordType.DS, RecordType.NS, RecordType.ANY, RecordType.AXFR, RecordType.SOA];
        var random = new Random(seed);
        foreach (var name in names)
        {
            foreach (var type in types)
            {
                yield return Packets.Query(name, type, (ushort)random.Next(65536), random.Next(3) == 0 ? null : (ushort)random.Next(400, 5000));
            }
        }

        // Transfer requests, signed now (checked in time while the run lasts) and unsigned.
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var request in new[] { Packets.Query("forum.internal.", RecordType.AXFR), Packets.Ixfr("forum.internal.", 41), Packets.Ixfr("forum.internal.", 42), Packets.Query("forum.internal.", RecordType.AXFR, ednsSize: 1232) })
        {
            yield return request;
            yield return Packets.Signed(request, TestZones.TransferKey, now);
            yield return [.. Packets.Signed(request, TestZones.TransferKey, now), 1];
        }

        yield return Convert.FromHexString("BEEF01000001000000000000C00C00010001");
        yield return Convert.FromHexString("BEEF2100000100000000000003777777000001000" + "1");
        yield return Convert.FromHexString("BEEF01000001000000000001037777770000010001" + "00002910000001000000040001000A");
    }

    private static byte[][] Dictionary() =>
    [
        [0xC0, 0x0C], [0xC0, 0x00], [0xFF, 0xFF], [0x3F], [0x40], [0x00, 0x00, 0x29, 0x10, 0x00], [0x00, 0xFC], [0x00, 0xFF],
        [0x01, 0x2A], [0x00, 0xFA, 0x00, 0xFF], [0x00, 0x06, 0x00, 0x01], [0x00, 0xFB], [0x0B, .. "hmac-sha256"u8], [0x05, .. "forum"u8], [0x08, .. "internal"u8], [0x03, .. "sub"u8], [0x04, .. "wild"u8],
    ];
}
