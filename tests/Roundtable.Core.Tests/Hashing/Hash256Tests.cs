using Roundtable.Core.Hashing;

namespace Roundtable.Core.Tests.Hashing;

public sealed class Hash256Tests
{
    private static byte[] RandomBytes(Random random, int length = Hash256.Size)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // FIPS 180-2 / NIST CSRC example vectors for SHA-256.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Compute_matches_published_SHA256_vectors(string message, string expectedHex)
    {
        var hash = Hash256.Compute(System.Text.Encoding.ASCII.GetBytes(message));

        Assert.Equal(expectedHex, hash.ToString());
        Assert.Equal(Hash256.Parse(expectedHex), hash);
    }

    [Fact]
    public void Compute_of_one_million_a_matches_published_vector()
    {
        var data = new byte[1_000_000];
        Array.Fill(data, (byte)'a');

        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hash256.Compute(data).ToString());
    }

    [Fact]
    public void Hex_round_trip_preserves_every_byte()
    {
        var random = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            var bytes = RandomBytes(random);
            var hash = Hash256.FromBytes(bytes);
            var hex = hash.ToString();

            Assert.Equal(64, hex.Length);
            Assert.Equal(Convert.ToHexStringLower(bytes), hex);
            Assert.Equal(hash, Hash256.Parse(hex));
            Assert.Equal(bytes, hash.ToArray());
        }
    }

    [Fact]
    public void Parse_accepts_uppercase_and_ToString_is_lowercase()
    {
        const string Upper = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD";

        var hash = Hash256.Parse(Upper);

        Assert.Equal(Upper.ToLowerInvariant(), hash.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")] // 63 chars
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0")] // 65 chars
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad00")] // 66 chars (33 bytes)
    [InlineData("zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData(" a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("0xa816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void TryParse_refuses_anything_but_64_hex_characters(string? text)
    {
        Assert.False(Hash256.TryParse(text, out var hash));
        Assert.Equal(Hash256.Zero, hash);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => Hash256.Parse(text));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void FromBytes_refuses_wrong_length(int length)
    {
        Assert.Throws<ArgumentException>(() => Hash256.FromBytes(new byte[length]));
    }

    [Fact]
    public void Ordering_equals_lexicographic_byte_order()
    {
        var random = new Random(2);
        var samples = new List<byte[]>();
        for (var i = 0; i < 300; i++)
        {
            samples.Add(RandomBytes(random));
        }

        // Pairs that differ only at word boundaries and in single bytes, where a little-endian
        // or signed comparison would go wrong.
        foreach (var position in new[] { 0, 7, 8, 15, 16, 23, 24, 31 })
        {
            foreach (var value in new byte[] { 0x00, 0x01, 0x7F, 0x80, 0xFF })
            {
                var bytes = new byte[Hash256.Size];
                bytes[position] = value;
                samples.Add(bytes);
                var ones = Enumerable.Repeat((byte)0xFF, Hash256.Size).ToArray();
                ones[position] = value;
                samples.Add(ones);
            }
        }

        for (var i = 0; i < samples.Count; i++)
        {
            for (var j = 0; j < samples.Count; j += 7)
            {
                var a = Hash256.FromBytes(samples[i]);
                var b = Hash256.FromBytes(samples[j]);
                var expected = Math.Sign(samples[i].AsSpan().SequenceCompareTo(samples[j]));

                Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
                Assert.Equal(expected < 0, a < b);
                Assert.Equal(expected > 0, a > b);
                Assert.Equal(expected <= 0, a <= b);
                Assert.Equal(expected >= 0, a >= b);
            }
        }

        var sortedByHash = samples.Select(b => Hash256.FromBytes(b)).Order().Select(h => h.ToString()).ToList();
        var sortedByBytes = samples.Order(Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).Select(Convert.ToHexStringLower).ToList();
        Assert.Equal(sortedByBytes, sortedByHash);
    }

    [Fact]
    public void GetBit_counts_from_the_most_significant_bit_of_byte_zero()
    {
        var random = new Random(3);
        for (var round = 0; round < 20; round++)
        {
            var bytes = RandomBytes(random);
            var hash = Hash256.FromBytes(bytes);
            for (var i = 0; i < 256; i++)
            {
                var expected = ((bytes[i / 8] >> (7 - (i % 8))) & 1) == 1;
                Assert.Equal(expected, hash.GetBit(i));
            }
        }

        var first = new byte[Hash256.Size];
        first[0] = 0x80;
        Assert.True(Hash256.FromBytes(first).GetBit(0));
        Assert.False(Hash256.FromBytes(first).GetBit(7));

        var last = new byte[Hash256.Size];
        last[31] = 0x01;
        Assert.True(Hash256.FromBytes(last).GetBit(255));
        Assert.False(Hash256.FromBytes(last).GetBit(248));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(256)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void GetBit_refuses_index_outside_0_to_255(int index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hash256.Zero.GetBit(index));
    }

    [Fact]
    public void Equal_bytes_give_equal_hashes_and_hash_codes()
    {
        var bytes = RandomBytes(new Random(4));
        var a = Hash256.FromBytes(bytes);
        var b = Hash256.FromBytes(bytes.ToArray());

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(0, a.CompareTo(b));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(bytes));
    }

    [Fact]
    public void Hashes_differing_in_any_single_bit_are_unequal()
    {
        var bytes = RandomBytes(new Random(5));
        var original = Hash256.FromBytes(bytes);
        var set = new HashSet<Hash256> { original };
        for (var bit = 0; bit < 256; bit++)
        {
            var flipped = bytes.ToArray();
            flipped[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            var other = Hash256.FromBytes(flipped);

            Assert.NotEqual(original, other);
            Assert.True(original != other);
            Assert.NotEqual(original.GetBit(bit), other.GetBit(bit));
            Assert.True(set.Add(other));
        }

        Assert.Equal(257, set.Count);
        Assert.Contains(Hash256.FromBytes(bytes), set);
    }

    [Fact]
    public void Zero_is_the_default_value_and_all_zero_bytes()
    {
        Assert.True(Hash256.Zero.IsZero);
        Assert.Equal(default, Hash256.Zero);
        Assert.Equal(new byte[32], Hash256.Zero.ToArray());
        Assert.Equal(new string('0', 64), Hash256.Zero.ToString());

        var last = new byte[Hash256.Size];
        last[31] = 1;
        Assert.False(Hash256.FromBytes(last).IsZero);
        var first = new byte[Hash256.Size];
        first[0] = 1;
        Assert.False(Hash256.FromBytes(first).IsZero);
    }

    [Fact]
    public void CopyTo_writes_the_32_bytes_at_the_start_of_the_destination()
    {
        var bytes = RandomBytes(new Random(6));
        var destination = new byte[40];
        Array.Fill(destination, (byte)0xEE);

        Hash256.FromBytes(bytes).CopyTo(destination);

        Assert.Equal(bytes, destination[..32]);
        Assert.All(destination[32..], b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void ToShortString_is_a_prefix_of_the_hex()
    {
        var hash = Hash256.Compute("abc"u8);

        Assert.Equal("ba7816bf8f01", hash.ToShortString());
        Assert.Equal("ba78", hash.ToShortString(2));
        Assert.Equal(hash.ToString(), hash.ToShortString(32));
    }
}
