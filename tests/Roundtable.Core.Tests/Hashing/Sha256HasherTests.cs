using Roundtable.Core.Hashing;

namespace Roundtable.Core.Tests.Hashing;

public sealed class Sha256HasherTests
{
    [Fact]
    public void Prefixed_hash_equals_hash_of_the_concatenation()
    {
        var random = new Random(10);
        foreach (var length in new[] { 0, 1, 55, 56, 63, 64, 65, 1000 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            var prefix = (byte)random.Next(256);

            var expected = Hash256.Compute([prefix, .. data]);

            Assert.Equal(expected, Sha256Hasher.Hash(prefix, data));
        }
    }

    [Fact]
    public void Node_hash_equals_hash_of_prefix_left_right()
    {
        var left = Hash256.Compute("left"u8);
        var right = Hash256.Compute("right"u8);

        var expected = Hash256.Compute([0x01, .. left.ToArray(), .. right.ToArray()]);

        Assert.Equal(expected, Sha256Hasher.Hash(0x01, left, right));
        Assert.NotEqual(expected, Sha256Hasher.Hash(0x01, right, left));
        Assert.NotEqual(expected, Sha256Hasher.Hash(0x00, left, right));
    }

    [Fact]
    public void Empty_leaf_with_prefix_zero_matches_RFC6962_value()
    {
        // SHA-256(0x00): the RFC 6962 hash of an empty leaf.
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Sha256Hasher.Hash(0x00, []).ToString());
    }
}
