using Roundtable.IntegrationTests.Support;

namespace Roundtable.IntegrationTests;

public sealed class StoreDamageTests
{
    [Fact]
    public async Task Block_store_cut_mid_record_recovers_to_the_last_good_block_and_continues()
    {
        using var home = new TestHome();
        ulong heightBefore;
        using (var node = home.StartNode())
        {
            await node.WaitUntilServingAsync();
            await Until(async () => await node.HeightAsync() >= 10, node);
            node.KillHard();
            heightBefore = await LastStoredHeightAsync(home);
        }

        var segment = LastSegment(home);
        var length = new FileInfo(segment).Length;
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(length - 7); // inside the last record's payload
        }

        using var restarted = home.StartNode();
        await restarted.WaitUntilServingAsync();
        var resumed = await restarted.HeightAsync();

        Assert.Equal(heightBefore - 1, resumed);
        Assert.Contains("repaired", restarted.Output, StringComparison.OrdinalIgnoreCase);
        await Until(async () => await restarted.HeightAsync() > resumed + 2, restarted);
    }

    [Fact]
    public async Task Corrupted_record_in_the_middle_stops_the_node_naming_file_and_offset()
    {
        using var home = new TestHome();
        using (var node = home.StartNode())
        {
            await node.WaitUntilServingAsync();
            await Until(async () => await node.HeightAsync() >= 10, node);
            node.KillHard();
        }

        var segment = LastSegment(home);
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.Position = file.Length / 2;
            var b = file.ReadByte();
            file.Position--;
            file.WriteByte((byte)(b ^ 0x40));
        }

        using var restarted = home.StartNode();
        var exit = await restarted.WaitForExitAsync();

        Assert.NotEqual(0, exit);
        Assert.Contains(Path.GetFileName(segment), restarted.Output, StringComparison.Ordinal);
        Assert.Contains("offset", restarted.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static string LastSegment(TestHome home) =>
        Directory.GetFiles(home.Home.BlocksDirectory, "blocks-*.seg").Order(StringComparer.Ordinal).Last();

    private static Task<ulong> LastStoredHeightAsync(TestHome home)
    {
        using var store = Node.Chain.ChainStore.Open(home.Home.BlocksDirectory, out _);
        return Task.FromResult(store.LastHeight);
    }

    private static async Task Until(Func<Task<bool>> condition, NodeProcess node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out; node output:\n" + node.Output);
            }

            await Task.Delay(20);
        }
    }
}
