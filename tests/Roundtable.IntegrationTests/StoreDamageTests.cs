using Roundtable.IntegrationTests.Support;

namespace Roundtable.IntegrationTests;

public sealed class StoreDamageTests
{
    [Fact]
    public async Task Block_store_cut_mid_record_recovers_to_the_last_good_block_and_continues()
    {
        using var home = new TestHome();
        using (var node = home.StartNode())
        {
            await node.WaitUntilServingAsync();
            await Until(async () => await node.HeightAsync() >= 10, node);
            node.KillHard();
        }

        var before = ReadBlockIds(home);
        var segment = LastSegment(home);
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(file.Length - 7); // inside the last record's payload
        }

        using var restarted = home.StartNode();
        await restarted.WaitUntilServingAsync();
        await Until(async () => await restarted.HeightAsync() > (ulong)before.Count + 2, restarted);
        restarted.KillHard();

        // Everything before the torn record is intact; the torn block was decided again and the chain went on.
        var after = ReadBlockIds(home);
        Assert.Equal(before.Take(before.Count - 1), after.Take(before.Count - 1));
        Assert.Contains("repaired", restarted.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Path.GetFileName(segment), restarted.Output, StringComparison.Ordinal);
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

    private static List<string> ReadBlockIds(TestHome home)
    {
        using var store = Node.Chain.ChainStore.Open(home.Home.BlocksDirectory, out _);
        var ids = new List<string>();
        for (ulong h = 1; h <= store.LastHeight; h++)
        {
            ids.Add(store.Read(h)!.Block.Id.ToString());
        }

        return ids;
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
