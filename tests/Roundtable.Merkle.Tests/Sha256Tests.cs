using System.Security.Cryptography;
using Roundtable.Core.Hashing;

namespace Roundtable.Merkle.Tests;

public class Sha256Tests
{
    [Fact]
    public void ReusedHasher_EqualsOneShotSha256_ForEveryShapeOfInput()
    {
        var random = new Random(51);
        foreach (var length in new[] { 0, 1, 31, 32, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), Sha256.Compute(data).ToArray());

            var split = length / 3;
            Assert.Equal(SHA256.HashData(data), Sha256.Compute(data.AsSpan(0, split), data.AsSpan(split)).ToArray());
        }

        var left = Hash256.Compute([1]);
        var right = Hash256.Compute([2]);
        Assert.Equal(SHA256.HashData([0x07, .. left.ToArray(), .. right.ToArray()]), Sha256.Compute(0x07, left, right).ToArray());
    }

    [Fact]
    public async Task ReusedHasher_GivesTheSameResultsOnConcurrentThreads()
    {
        var inputs = Enumerable.Range(0, 2000).Select(i => BitConverter.GetBytes(i * 7919)).ToArray();
        var expected = inputs.Select(i => SHA256.HashData(i)).ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => inputs.Select(i => Sha256.Compute(i).ToArray()).ToArray())));
        foreach (var result in results)
        {
            Assert.Equal(expected, result);
        }
    }
}
