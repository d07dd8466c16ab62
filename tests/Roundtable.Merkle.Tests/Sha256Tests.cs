using System.Security.Cryptography;
using Roundtable.Core.Hashing;

namespace Roundtable.Merkle.Tests;

public class Sha256Tests
{
    [Fact]
    public void A_node_message_hashes_as_its_prefix_and_both_children_concatenated()
    {
        var left = Hash256.Compute([1]);
        var right = Hash256.Compute([2]);

        Assert.Equal(SHA256.HashData([0x07, .. left.ToArray(), .. right.ToArray()]), Sha256.Compute(0x07, left, right).ToArray());
    }
}
