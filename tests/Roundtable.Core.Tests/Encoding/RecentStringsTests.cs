using Roundtable.Core.Encoding;
using Roundtable.Core.Tests.Support;

namespace Roundtable.Core.Tests.Encoding;

public sealed class RecentStringsTests
{
    [Fact]
    public void The_same_bytes_read_twice_give_the_same_string()
    {
        var recent = new RecentStrings();
        var bytes = Decode.Write(w => w.WriteString("civil-society"));

        var first = Read(bytes, recent);
        var second = Read(bytes, recent);

        Assert.Equal("civil-society", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Values_sharing_one_slot_each_read_as_themselves()
    {
        var recent = new RecentStrings(slots: 1);
        var words = new[] { "government", "technical", "government", "private-sector", "technical", "" };

        foreach (var word in words)
        {
            Assert.Equal(word, Read(Decode.Write(w => w.WriteString(word)), recent));
        }
    }

    [Fact]
    public void Invalid_UTF8_is_refused_as_before_and_kept_nowhere()
    {
        var recent = new RecentStrings();
        var invalid = Hex.Bytes("02 c328");

        Assert.Equal(DecodeError.InvalidValue, Decode.Refusal(invalid, (ref CanonicalReader r) => r.ReadString(100, "text", recent)));
        Assert.Equal(DecodeError.InvalidValue, Decode.Refusal(invalid, (ref CanonicalReader r) => r.ReadString(100, "text", recent)));
        Assert.False(recent.TryGet(Hex.Bytes("c328"), out _));
    }

    [Fact]
    public void The_length_limit_still_applies_and_long_values_are_not_kept()
    {
        var recent = new RecentStrings();
        var longText = new string('a', RecentStrings.MaxLength + 1);
        var bytes = Decode.Write(w => w.WriteString(longText));

        Assert.Equal(DecodeError.Oversize, Decode.Refusal(bytes, (ref CanonicalReader r) => r.ReadString(RecentStrings.MaxLength, "text", recent)));
        Assert.NotSame(Read(bytes, recent), Read(bytes, recent));
    }

    [Fact]
    public void The_reader_moves_past_the_value_whether_it_was_known_or_not()
    {
        var recent = new RecentStrings();
        var bytes = Decode.Write(w =>
        {
            w.WriteString("europe");
            w.WriteString("europe");
            w.WriteVarUInt(7);
        });

        var (first, second, after) = Decode.Whole(bytes, (ref CanonicalReader r) => (r.ReadString(100, "a", recent), r.ReadString(100, "b", recent), r.ReadVarUInt()));

        Assert.Equal(("europe", "europe", 7UL), (first, second, after));
        Assert.Same(first, second);
    }

    [Fact]
    public void Readers_on_many_threads_always_get_the_text_of_their_bytes()
    {
        var recent = new RecentStrings(slots: 4);
        var words = Enumerable.Range(0, 64).Select(i => "word-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var encoded = words.Select(word => Decode.Write(w => w.WriteString(word))).ToArray();

        Parallel.For(0, 20_000, i => Assert.Equal(words[i % words.Length], Read(encoded[i % words.Length], recent)));
    }

    [Fact]
    public void A_table_size_that_is_not_a_power_of_two_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentStrings(slots: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentStrings(slots: 0));
    }

    private static string Read(byte[] bytes, RecentStrings recent) =>
        Decode.Whole(bytes, (ref CanonicalReader r) => r.ReadString(1000, "text", recent));
}
