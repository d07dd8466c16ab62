using System.Numerics;
using Roundtable.Core.Encoding;
using Roundtable.Core.Tests.Support;

namespace Roundtable.Core.Tests.Encoding;

public sealed class VarintTests
{
    private static readonly ReadFunc<ulong> ReadVar = (ref CanonicalReader r) => r.ReadVarUInt();

    private static readonly ulong[] Boundaries =
    [
        0, 1, 127, 128, 255, 256, (1UL << 14) - 1, 1UL << 14, (1UL << 21) - 1, 1UL << 21,
        (1UL << 28) - 1, 1UL << 28, uint.MaxValue, 1UL << 32, (1UL << 35) - 1, 1UL << 35,
        (1UL << 42) - 1, 1UL << 42, (1UL << 49) - 1, 1UL << 49, (1UL << 56) - 1, 1UL << 56,
        (1UL << 63) - 1, 1UL << 63, ulong.MaxValue - 1, ulong.MaxValue,
    ];

    private static byte[] Encode(ulong value) => Decode.Write(w => w.WriteVarUInt(value));

    /// <summary>Length of the minimal encoding: one byte per started group of 7 significant bits.</summary>
    private static int ExpectedLength(ulong value) => value == 0 ? 1 : ((64 - BitOperations.LeadingZeroCount(value)) + 6) / 7;

    private static IEnumerable<ulong> GeneratedValues()
    {
        var random = new Random(20251121);
        foreach (var b in Boundaries)
        {
            yield return b;
        }

        for (var i = 0; i < 20_000; i++)
        {
            // Uniform over bit lengths, so short and long encodings are equally exercised.
            var bits = random.Next(0, 65);
            var value = bits == 0 ? 0 : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33);
            value = bits == 64 ? value | (1UL << 63) : value & ((1UL << bits) - 1);
            yield return value;
        }
    }

    [Fact]
    public void Round_trip_over_generated_values_uses_the_minimal_length()
    {
        foreach (var value in GeneratedValues())
        {
            var bytes = Encode(value);

            Assert.Equal(ExpectedLength(value), bytes.Length);
            Assert.Equal(value, Decode.Whole(bytes, ReadVar));
            // Every byte but the last has the continuation bit; the last is non-zero unless the value is 0.
            Assert.All(bytes[..^1], b => Assert.True((b & 0x80) != 0));
            Assert.True((bytes[^1] & 0x80) == 0);
            Assert.True(bytes.Length == 1 || bytes[^1] != 0);
        }
    }

    [Fact]
    public void Round_trip_of_a_concatenated_stream_reads_each_value_in_turn()
    {
        var values = GeneratedValues().Take(2_000).ToArray();
        var writer = new CanonicalWriter(1);
        foreach (var v in values)
        {
            writer.WriteVarUInt(v);
        }

        var reader = new CanonicalReader(writer.WrittenSpan);
        var position = 0;
        foreach (var v in values)
        {
            Assert.Equal(v, reader.ReadVarUInt());
            position += ExpectedLength(v);
            Assert.Equal(position, reader.Position);
        }

        Assert.Equal(0, reader.Remaining);
        reader.EnsureEnd();
    }

    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "8001")]
    [InlineData(129UL, "8101")]
    [InlineData(255UL, "ff01")]
    [InlineData(300UL, "ac02")]
    [InlineData(16383UL, "ff7f")]
    [InlineData(16384UL, "808001")]
    [InlineData(2097151UL, "ffff7f")]
    [InlineData(2097152UL, "80808001")]
    [InlineData(268435455UL, "ffffff7f")]
    [InlineData(268435456UL, "8080808001")]
    [InlineData(4294967295UL, "ffffffff0f")]
    [InlineData(4294967296UL, "8080808010")]
    [InlineData(9223372036854775807UL, "ffffffffffffffff7f")]
    [InlineData(9223372036854775808UL, "80808080808080808001")]
    [InlineData(18446744073709551615UL, "ffffffffffffffffff01")]
    public void Encodes_to_exact_bytes(ulong value, string hex)
    {
        Assert.Equal(hex, Hex.Of(Encode(value)));
        Assert.Equal(value, Decode.Whole(Hex.Bytes(hex), ReadVar));
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("ff")]
    [InlineData("ffff")]
    [InlineData("8080808080808080")]
    [InlineData("808080808080808080")] // nine continuation bytes, the tenth is missing
    public void Missing_continuation_is_Truncated(string hex)
    {
        Assert.Equal(DecodeError.Truncated, Decode.Refusal(Hex.Bytes(hex), ReadVar));
    }

    [Theory]
    [InlineData("8000")] // 0 written in two bytes
    [InlineData("ff00")] // 127 written in two bytes
    [InlineData("808000")]
    [InlineData("818000")] // 1 written in three bytes
    [InlineData("ff8000")]
    [InlineData("ffffffffffffffff8000")] // 2^63 - 1 written in ten bytes
    [InlineData("80808080808080808000")] // 0 written in ten bytes
    public void Overlong_form_is_NonCanonical(string hex)
    {
        Assert.Equal(DecodeError.NonCanonical, Decode.Refusal(Hex.Bytes(hex), ReadVar));
    }

    [Theory]
    [InlineData("ffffffffffffffffff02")] // tenth byte 2: bit 64 set
    [InlineData("ffffffffffffffffff7f")]
    [InlineData("80808080808080808002")]
    [InlineData("ffffffffffffffffff81")] // tenth byte continues: an eleventh byte is promised
    [InlineData("ffffffffffffffffffff01")] // eleven-byte form
    [InlineData("8080808080808080808001")] // eleven-byte form of 2^70
    [InlineData("ffffffffffffffffff8100")] // eleven-byte overlong form of ulong.MaxValue
    public void More_than_64_bits_is_Oversize(string hex)
    {
        Assert.Equal(DecodeError.Oversize, Decode.Refusal(Hex.Bytes(hex), ReadVar));
    }

    [Fact]
    public void Refusal_happens_before_the_eleventh_byte_is_read()
    {
        // An endless run of continuation bytes must not be consumed beyond ten bytes.
        var input = Enumerable.Repeat((byte)0xFF, 100).ToArray();

        Assert.Equal(DecodeError.Oversize, Decode.Refusal(input, ReadVar));
    }

    [Fact]
    public void Bounded_read_accepts_the_limit_and_refuses_above_it_as_Oversize()
    {
        ReadFunc<ulong> readMax300 = (ref CanonicalReader r) => r.ReadVarUInt(300, "count");

        Assert.Equal(300UL, Decode.Whole(Encode(300), readMax300));
        Assert.Equal(0UL, Decode.Whole(Encode(0), readMax300));
        Assert.Equal(DecodeError.Oversize, Decode.Refusal(Encode(301), readMax300));
        Assert.Equal(DecodeError.Oversize, Decode.Refusal(Encode(ulong.MaxValue), readMax300));
    }

    [Fact]
    public void ReadLength_returns_an_int_within_its_limit()
    {
        ReadFunc<int> readLength = (ref CanonicalReader r) => r.ReadLength(int.MaxValue, "length");

        Assert.Equal(int.MaxValue, Decode.Whole(Encode(int.MaxValue), readLength));
        Assert.Equal(DecodeError.Oversize, Decode.Refusal(Encode((ulong)int.MaxValue + 1), readLength));
        Assert.Equal(DecodeError.Oversize, Decode.Refusal(Encode(ulong.MaxValue), readLength));
    }

    [Fact]
    public void Writer_uses_at_most_ten_bytes()
    {
        Assert.Equal(10, Encode(ulong.MaxValue).Length);
        Assert.Equal(10, Encode(1UL << 63).Length);
        Assert.Equal(9, Encode((1UL << 63) - 1).Length);
    }
}
