using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Core.Tests.Support;

namespace Roundtable.Core.Tests.Encoding;

public sealed class CanonicalWriterTests
{
    [Fact]
    public void Bool_is_one_byte_0x00_or_0x01()
    {
        Assert.Equal("00", Hex.Of(Decode.Write(w => w.WriteBool(false))));
        Assert.Equal("01", Hex.Of(Decode.Write(w => w.WriteBool(true))));
    }

    [Fact]
    public void Fixed_bytes_have_no_length_prefix_and_byte_strings_do()
    {
        Assert.Equal("0102", Hex.Of(Decode.Write(w => w.WriteFixed([1, 2]))));
        Assert.Equal("020102", Hex.Of(Decode.Write(w => w.WriteBytes([1, 2]))));
        Assert.Equal("00", Hex.Of(Decode.Write(w => w.WriteBytes([]))));
    }

    [Fact]
    public void Long_byte_string_has_a_multi_byte_length_prefix()
    {
        var data = new byte[300];
        var bytes = Decode.Write(w => w.WriteBytes(data));

        Assert.Equal(302, bytes.Length);
        Assert.Equal("ac02", Hex.Of(bytes.AsSpan(0, 2)));
    }

    [Fact]
    public void List_is_count_then_items()
    {
        var bytes = Decode.Write(w => w.WriteList<string>(["a", "bc"], (x, s) => x.WriteString(s)));

        Assert.Equal("02 0161 026263".Replace(" ", string.Empty, StringComparison.Ordinal), Hex.Of(bytes));
        Assert.Equal("00", Hex.Of(Decode.Write(w => w.WriteList<string>([], (x, s) => x.WriteString(s)))));
    }

    [Fact]
    public void Optional_is_0x00_when_absent_and_0x01_then_value_when_present()
    {
        Assert.Equal("00", Hex.Of(Decode.Write(w => w.WriteOptional<string>(null, (x, s) => x.WriteString(s)))));
        Assert.Equal("010161", Hex.Of(Decode.Write(w => w.WriteOptional("a", (x, s) => x.WriteString(s)))));
        Assert.Equal("0100", Hex.Of(Decode.Write(w => w.WriteOptional(string.Empty, (x, s) => x.WriteString(s)))));
    }

    [Fact]
    public void String_with_a_lone_surrogate_is_refused_instead_of_replaced()
    {
        // Not a [Theory]: test discovery would mangle lone surrogates in serialized arguments.
        string[] texts =
        [
            "\uD800",
            "\uDC00",
            "a\uD83D", // high surrogate at the end
            "\uDE00\uD83D", // pair in the wrong order
            "\uD83D\uD83D\uDE00",
        ];

        foreach (var text in texts)
        {
            // Replacing it by U+FFFD would give two different strings the same bytes (and the same hash).
            Assert.ThrowsAny<ArgumentException>(() => Decode.Write(w => w.WriteString(text)));
        }

        Assert.Equal("04f09f9880", Hex.Of(Decode.Write(w => w.WriteString("\uD83D\uDE00"))));
    }

    [Fact]
    public void Refused_string_leaves_the_writer_unchanged()
    {
        var writer = new CanonicalWriter();
        writer.WriteBool(true);

        Assert.ThrowsAny<ArgumentException>(() => writer.WriteString("x\uD800"));
        Assert.Equal("01", Hex.Of(writer.WrittenSpan));
    }

    [Fact]
    public void Writer_grows_past_its_initial_capacity()
    {
        var writer = new CanonicalWriter(initialCapacity: 1);
        var expected = new List<byte>();
        for (var i = 0; i < 5_000; i++)
        {
            writer.WriteVarUInt(ulong.MaxValue);
            expected.AddRange(Hex.Bytes("ffffffffffffffffff01"));
            writer.WriteHash(Hash256.Zero);
            expected.AddRange(new byte[32]);
            writer.WriteString("ab");
            expected.AddRange(Hex.Bytes("026162"));
        }

        Assert.Equal(expected.Count, writer.Length);
        Assert.Equal(expected.ToArray(), writer.ToArray());
        Assert.True(writer.WrittenSpan.SequenceEqual(expected.ToArray()));
    }

    [Fact]
    public void ToArray_is_a_copy()
    {
        var writer = new CanonicalWriter();
        writer.WriteByte(7);
        var copy = writer.ToArray();
        copy[0] = 9;

        Assert.Equal(7, writer.WrittenSpan[0]);
    }
}
