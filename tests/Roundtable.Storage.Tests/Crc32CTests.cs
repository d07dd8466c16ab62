namespace Roundtable.Storage.Tests;

public sealed class Crc32CTests
{
    [Fact]
    public void Matches_the_standard_check_value()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.Equal(0u, Crc32C.Compute([]));
    }

    [Fact]
    public void Matches_the_iSCSI_test_vectors_of_RFC_3720()
    {
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.Equal(0x46DD794Eu, Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
        Assert.Equal(0x113FDB5Cu, Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()));
    }

    [Fact]
    public void Incremental_computation_equals_one_shot_for_every_split()
    {
        var data = Enumerable.Range(0, 77).Select(i => (byte)((i * 7) + 3)).ToArray();
        var expected = Crc32C.Compute(data);
        for (var split = 0; split <= data.Length; split++)
        {
            var crc = Crc32C.Append(Crc32C.Seed, data.AsSpan(0, split));
            Assert.Equal(expected, Crc32C.Finish(Crc32C.Append(crc, data.AsSpan(split))));
        }
    }
}
