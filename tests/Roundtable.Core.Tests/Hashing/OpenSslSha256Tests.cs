using System.Security.Cryptography;
using Roundtable.Core.Hashing;

namespace Roundtable.Core.Tests.Hashing;

/// <summary>libcrypto's low-level SHA-256 gives .NET's digest, byte for byte, at every length and split.</summary>
public sealed class OpenSslSha256Tests
{
    [Fact]
    public void The_library_is_found_on_this_platform()
    {
        // The suite runs on Linux with OpenSSL 3: without it, every hash here would silently take the slower path.
        Assert.Equal(OperatingSystem.IsLinux(), OpenSslSha256.IsAvailable);
    }

    [Fact]
    public void Every_length_across_block_boundaries_hashes_as_dotnet_does()
    {
        var random = new Random(256);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.Equal(Hash256.FromBytes(SHA256.HashData(data)), Hash256.Compute(data));
        }
    }

    [Fact]
    public void Two_parts_hash_as_their_concatenation_wherever_they_are_split()
    {
        var random = new Random(65);
        var data = new byte[200];
        random.NextBytes(data);
        var expected = Hash256.FromBytes(SHA256.HashData(data));

        for (var split = 0; split <= data.Length; split++)
        {
            Assert.Equal(expected, Hash256.Compute(data.AsSpan(0, split), data.AsSpan(split)));
        }
    }

    [Fact]
    public void A_large_input_and_the_empty_input_match_their_known_digests()
    {
        var large = new byte[1 << 20];
        new Random(7).NextBytes(large);

        Assert.Equal(Hash256.FromBytes(SHA256.HashData(large)), Hash256.Compute(large));
        Assert.Equal(Hash256.Parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), Hash256.Compute([]));
    }

    [Fact]
    public async Task Threads_hashing_at_once_each_get_their_own_digests()
    {
        var inputs = Enumerable.Range(0, 2000).Select(i => BitConverter.GetBytes(i * 7919)).ToArray();
        var expected = inputs.Select(i => Hash256.FromBytes(SHA256.HashData(i))).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => inputs.Select(i => Hash256.Compute(i)).ToArray())));

        Assert.All(results, result => Assert.Equal(expected, result));
    }
}
