using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Core.Tests.Support;

namespace Roundtable.Core.Tests.Encoding;

public sealed class CanonicalReaderTests
{
    private static readonly ReadFunc<bool> ReadBool = (ref CanonicalReader r) => r.ReadBool();
    private static readonly ReadFunc<string> ReadString100 = (ref CanonicalReader r) => r.ReadString(100, "text");
    private static readonly ReadFunc<byte[]> ReadBytes100 = (ref CanonicalReader r) => r.ReadBytes(100, "data").ToArray();

    // ---- booleans ----

    [Fact]
    public void Bool_reads_0x00_as_false_and_0x01_as_true()
    {
        Assert.False(Decode.Whole([0x00], ReadBool));
        Assert.True(Decode.Whole([0x01], ReadBool));
    }

    [Fact]
    public void Bool_bytes_2_to_255_are_NonCanonical()
    {
        for (var b = 2; b <= 255; b++)
        {
            Assert.Equal(DecodeError.NonCanonical, Decode.Refusal([(byte)b], ReadBool));
        }
    }

    [Fact]
    public void Bool_from_empty_input_is_Truncated()
    {
        Assert.Equal(DecodeError.Truncated, Decode.Refusal([], ReadBool));
    }

    [Fact]
    public void Optional_marker_other_than_0_or_1_is_NonCanonical()
    {
        ReadFunc<bool> readMarker = (ref CanonicalReader r) => r.ReadOptionalMarker();

        Assert.False(Decode.Whole([0x00], readMarker));
        Assert.True(Decode.Whole([0x01], readMarker));
        Assert.Equal(DecodeError.NonCanonical, Decode.Refusal([0x02], readMarker));
        Assert.Equal(DecodeError.NonCanonical, Decode.Refusal([0xFF], readMarker));
    }

    // ---- strings ----

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("é")]
    [InlineData("€")]
    [InlineData("😀")] // outside the BMP: a surrogate pair in UTF-16, four bytes in UTF-8
    [InlineData("\0")] // NUL is an ordinary character
    [InlineData("\uFEFFx")] // a leading BOM is content, not stripped
    [InlineData("Gouvernance de l'Internet — 互联网治理 — حوكمة الإنترنت")]
    public void String_round_trips_through_strict_UTF8(string text)
    {
        var bytes = Decode.Write(w => w.WriteString(text));
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);

        Assert.Equal([.. Decode.Write(w => w.WriteVarUInt((ulong)utf8.Length)), .. utf8], bytes);
        Assert.Equal(text, Decode.Whole(bytes, ReadString100));
    }

    [Theory]
    [InlineData("02 c0af", "overlong two-byte form of '/'")]
    [InlineData("02 c180", "overlong two-byte form of U+0040")]
    [InlineData("03 e080af", "overlong three-byte form of '/'")]
    [InlineData("04 f08082ac", "overlong four-byte form of '€'")]
    [InlineData("03 eda080", "encoded lone high surrogate U+D800")]
    [InlineData("03 edbfbf", "encoded lone low surrogate U+DFFF")]
    [InlineData("06 eda0bdedb880", "CESU-8 surrogate pair for U+1F600")]
    [InlineData("01 ff", "0xFF never appears in UTF-8")]
    [InlineData("01 fe", "0xFE never appears in UTF-8")]
    [InlineData("01 80", "continuation byte without a lead byte")]
    [InlineData("02 e282", "sequence cut short")]
    [InlineData("02 c361", "lead byte followed by ASCII")]
    [InlineData("04 f4908080", "above U+10FFFF")]
    [InlineData("05 f888808080", "five-byte form")]
    public void String_with_invalid_UTF8_is_InvalidValue(string hex, string why)
    {
        Assert.True(Decode.Refusal(Hex.Bytes(hex), ReadString100) == DecodeError.InvalidValue, why);
    }

    [Fact]
    public void String_limit_counts_UTF8_bytes_not_characters()
    {
        ReadFunc<string> readMax3 = (ref CanonicalReader r) => r.ReadString(3, "text");
        var twoChars = Decode.Write(w => w.WriteString("éé")); // 4 bytes

        Assert.Equal(DecodeError.Oversize, Decode.Refusal(twoChars, readMax3));
        Assert.Equal("€", Decode.Whole(Decode.Write(w => w.WriteString("€")), readMax3));
    }

    // ---- byte strings ----

    [Fact]
    public void Bytes_round_trip_at_every_length_up_to_the_limit()
    {
        var random = new Random(30);
        for (var length = 0; length <= 100; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var bytes = Decode.Write(w => w.WriteBytes(data));

            Assert.Equal(data, Decode.Whole(bytes, ReadBytes100));
        }
    }

    [Fact]
    public void Bytes_longer_than_the_limit_are_Oversize()
    {
        var bytes = Decode.Write(w => w.WriteBytes(new byte[101]));

        Assert.Equal(DecodeError.Oversize, Decode.Refusal(bytes, ReadBytes100));
    }

    [Fact]
    public void An_oversize_length_or_count_names_its_field_and_unit()
    {
        var bytes = Decode.Write(w => w.WriteBytes(new byte[101]));
        var length = Assert.Throws<DecodeException>(() => Decode.Whole(bytes, ReadBytes100));
        var count = Assert.Throws<DecodeException>(() => Decode.Whole(Hex.Bytes("05"), (ref CanonicalReader r) => r.ReadLength(4, "guardians", "count")));

        Assert.Equal("data length is 101, the limit is 100.", length.Message);
        Assert.Equal("guardians count is 5, the limit is 4.", count.Message);
    }

    [Fact]
    public void Length_prefix_beyond_the_input_is_Truncated()
    {
        Assert.Equal(DecodeError.Truncated, Decode.Refusal(Hex.Bytes("05 01020304"), ReadBytes100));
        Assert.Equal(DecodeError.Truncated, Decode.Refusal(Hex.Bytes("01"), ReadBytes100));
        Assert.Equal(DecodeError.Truncated, Decode.Refusal(Hex.Bytes("05 61626364"), ReadString100));
    }

    [Fact]
    public void Length_above_the_limit_is_Oversize_even_when_the_input_is_also_short()
    {
        // The limit is checked before the content is looked for: a huge length prefix costs nothing.
        var hugePrefix = Decode.Write(w => w.WriteVarUInt(ulong.MaxValue));

        Assert.Equal(DecodeError.Oversize, Decode.Refusal(hugePrefix, ReadBytes100));
        Assert.Equal(DecodeError.Oversize, Decode.Refusal(Hex.Bytes("65"), ReadBytes100)); // 101, no content
    }

    [Fact]
    public void Overlong_length_prefix_is_NonCanonical()
    {
        Assert.Equal(DecodeError.NonCanonical, Decode.Refusal(Hex.Bytes("8100 61"), ReadBytes100));
        Assert.Equal(DecodeError.NonCanonical, Decode.Refusal(Hex.Bytes("8000"), ReadString100));
    }

    [Fact]
    public void Missing_length_prefix_is_Truncated()
    {
        Assert.Equal(DecodeError.Truncated, Decode.Refusal([], ReadBytes100));
        Assert.Equal(DecodeError.Truncated, Decode.Refusal([], ReadString100));
    }

    // ---- fixed fields, hashes ----

    [Fact]
    public void Hash_reads_exactly_32_bytes()
    {
        var hash = Hash256.Compute("abc"u8);
        var bytes = Decode.Write(w => w.WriteHash(hash));

        Assert.Equal(hash.ToArray(), bytes);
        Assert.Equal(hash, Decode.Whole(bytes, (ref CanonicalReader r) => r.ReadHash()));
    }

    [Fact]
    public void Hash_shorter_than_32_bytes_is_Truncated()
    {
        Assert.Equal(DecodeError.Truncated, Decode.Refusal(new byte[31], (ref CanonicalReader r) => r.ReadHash()));
        Assert.Equal(DecodeError.Truncated, Decode.Refusal([], (ref CanonicalReader r) => r.ReadHash()));
    }

    [Fact]
    public void Fixed_field_beyond_the_input_is_Truncated()
    {
        Assert.Equal(DecodeError.Truncated, Decode.Refusal(new byte[3], (ref CanonicalReader r) => r.ReadFixed(4).ToArray()));
        Assert.Equal(DecodeError.Truncated, Decode.Refusal([], (ref CanonicalReader r) => r.ReadByte()));
    }

    // ---- end of input ----

    [Fact]
    public void EnsureEnd_with_trailing_bytes_is_TrailingBytes()
    {
        Assert.Equal(DecodeError.TrailingBytes, Decode.Refusal(Hex.Bytes("01 00"), ReadBool));
        Assert.Equal(DecodeError.TrailingBytes, Decode.Refusal(Hex.Bytes("8001 00"), (ref CanonicalReader r) => r.ReadVarUInt()));
        Assert.Equal(DecodeError.TrailingBytes, Decode.Refusal(Hex.Bytes("00 00"), ReadBytes100));
        Assert.Equal(DecodeError.TrailingBytes, Decode.Refusal(new byte[33], (ref CanonicalReader r) => r.ReadHash()));
    }

    [Fact]
    public void EnsureEnd_on_empty_input_succeeds()
    {
        var reader = new CanonicalReader([]);
        reader.EnsureEnd();
        Assert.Equal(0, reader.Position);
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Position_and_Remaining_track_consumption()
    {
        var reader = new CanonicalReader(Hex.Bytes("01 8001 03616263 ff"));

        Assert.Equal(8, reader.Remaining);
        reader.ReadBool();
        Assert.Equal(1, reader.Position);
        reader.ReadVarUInt();
        Assert.Equal(3, reader.Position);
        reader.ReadString(10, "s");
        Assert.Equal(7, reader.Position);
        Assert.Equal(1, reader.Remaining);
        Assert.Equal(DecodeError.TrailingBytes, Assert.Throws<DecodeException>(() => new CanonicalReader([0]).EnsureEnd()).Error);
    }

    [Fact]
    public void Failed_read_reports_offset_in_the_message()
    {
        var ex = Assert.Throws<DecodeException>(() => Decode.Whole(Hex.Bytes("01 02"), (ref CanonicalReader r) => (r.ReadBool(), r.ReadBool())));

        Assert.Equal(DecodeError.NonCanonical, ex.Error);
        Assert.Contains("offset 1", ex.Message, StringComparison.Ordinal);
    }
}
