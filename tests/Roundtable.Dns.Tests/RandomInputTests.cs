using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// Seeded random and mutated packets through the whole answer engine: nothing throws, every
/// response is a response (QR set, the query's ID) and fits the size the query allowed.
/// </summary>
public sealed class RandomInputTests
{
    private static readonly AnswerEngine Engine = new(TestZones.Set());

    [Fact]
    public void Random_bytes_never_throw_and_answers_are_well_formed()
    {
        var random = new Random(11);
        var response = new byte[AnswerEngine.ResponseBufferSize];
        for (var i = 0; i < 100_000; i++)
        {
            var packet = new byte[random.Next(0, 80)];
            random.NextBytes(packet);
            Check(packet, response, overTcp: (i & 1) == 0);
        }
    }

    [Fact]
    public void Mutated_valid_queries_never_throw_and_answers_are_well_formed()
    {
        var random = new Random(12);
        var response = new byte[AnswerEngine.ResponseBufferSize];
        string[] names = ["www.forum.internal.", "a.b.sub.forum.internal.", "x.wild.forum.internal.", "chain.forum.internal.", "big.forum.internal.", "nope.forum.internal.", "example.com."];
        RecordType[] types = [RecordType.A, RecordType.AAAA, RecordType.TXT, RecordType.ANY, RecordType.DS, RecordType.NS, RecordType.CNAME, RecordType.AXFR];
        for (var i = 0; i < 100_000; i++)
        {
            var packet = Packets.Query(names[random.Next(names.Length)], types[random.Next(types.Length)], (ushort)i, random.Next(2) == 0 ? null : (ushort)random.Next(0, 5000));
            for (var m = random.Next(0, 4); m > 0; m--)
            {
                packet[random.Next(packet.Length)] = (byte)random.Next(256);
            }

            Check(packet, response, overTcp: (i & 1) == 0);
        }
    }

    private static void Check(byte[] packet, byte[] response, bool overTcp)
    {
        var length = Engine.Answer(packet, response, overTcp);
        if (length == 0)
        {
            return;
        }

        Assert.True(length >= 12, Convert.ToHexString(packet));
        Assert.True((response[2] & 0x80) != 0);
        Assert.Equal(packet[0], response[0]);
        Assert.Equal(packet[1], response[1]);
        Assert.True(overTcp || length <= 1232, Convert.ToHexString(packet));
    }
}
