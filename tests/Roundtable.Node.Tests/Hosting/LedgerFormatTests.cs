using Roundtable.Node.Hosting;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests.Hosting;

/// <summary>
/// A home whose chain was written in another ledger format (before personal values moved beside the
/// chain) is refused at start with what to do, instead of failing somewhere in the replay.
/// </summary>
public sealed class LedgerFormatTests
{
    [Fact]
    public async Task A_new_home_records_the_current_format_and_restarts()
    {
        await using var node = await TestNode.StartAsync();
        await node.WaitForHeightAsync(2);
        await node.StopKeepingHomeAsync();

        Assert.Equal(NodeHome.CurrentLedgerFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(node.Home.LedgerFormatFile).Trim());
        await using var again = await TestNode.RestartAsync(node);
        await again.WaitForHeightAsync(3);
    }

    [Fact]
    public async Task A_home_holding_blocks_from_before_the_format_marker_is_refused_and_left_as_it_was()
    {
        var root = await StoppedChainAsync();
        try
        {
            File.Delete(new NodeHome(root).LedgerFormatFile);
            var blocks = Directory.GetFiles(new NodeHome(root).BlocksDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToArray();

            var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => TestNode.StartAsync(root: root));

            Assert.Contains("before personal values moved off the ledger", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("fresh directory", refusal.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(new NodeHome(root).LedgerFormatFile));
            Assert.Equal(blocks, Directory.GetFiles(new NodeHome(root).BlocksDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToArray());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_home_marked_with_another_format_is_refused_naming_it()
    {
        var root = await StoppedChainAsync();
        try
        {
            File.WriteAllText(new NodeHome(root).LedgerFormatFile, "3\n");

            var refusal = await Assert.ThrowsAsync<InvalidDataException>(() => TestNode.StartAsync(root: root));

            Assert.Contains("ledger format '3'", refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> StoppedChainAsync()
    {
        var node = await TestNode.StartAsync();
        await node.WaitForHeightAsync(2);
        await node.StopKeepingHomeAsync();
        return node.Home.Root;
    }
}
