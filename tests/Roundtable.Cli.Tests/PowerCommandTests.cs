using Roundtable.Cli.Tests.Support;

namespace Roundtable.Cli.Tests;

/// <summary>'roundtable power' against a real node whose operator declared a region with 'roundtable init --region'.</summary>
public sealed class PowerCommandTests : IAsyncLifetime
{
    private readonly InProcessNode _node = new("--group", "civil-society", "--region", "asia-pacific");

    public Task InitializeAsync() => _node.InitializeAsync();

    public Task DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task Json_shows_exact_shares_and_the_nakamoto_coefficients()
    {
        using var cli = _node.Session();
        var power = (await cli.RunAsync("--json", "power")).Ok().Json();

        var validator = Assert.Single(power["validators"]!.AsArray())!;
        Assert.Equal(("validator-1", "civil-society", "asia-pacific", "1/1"),
            ((string?)validator["name"], (string?)validator["stakeholderGroup"], (string?)validator["region"], (string?)validator["share"]));
        Assert.Equal(1, (int)power["nakamoto"]!["operators"]!["toHalt"]!);
        Assert.Equal(1, (int)power["nakamoto"]!["stakeholderGroups"]!["toCommit"]!);
        Assert.Equal("0/1", (string?)power["powerByRegion"]!.AsArray().Single(r => (string?)r!["name"] == "africa")!["share"]);
        Assert.Empty(power["accountability"]!.AsArray());
    }

    [Fact]
    public async Task Table_shows_coefficients_validators_and_shares()
    {
        using var cli = _node.Session();
        var table = (await cli.RunAsync("power")).Ok().Stdout;

        Assert.Contains("Nakamoto coefficient", table, StringComparison.Ordinal);
        Assert.Contains("validator-1", table, StringComparison.Ordinal);
        Assert.Contains("asia-pacific", table, StringComparison.Ordinal);
        Assert.Contains("100.00", table, StringComparison.Ordinal);
        Assert.Contains("3·P > 2·T", table, StringComparison.Ordinal);
        Assert.Contains("No proposals have been voted on yet", table, StringComparison.Ordinal);
        Assert.Contains("signed twice", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_names_the_running_release_and_that_no_upgrade_is_approved()
    {
        using var cli = _node.Session();
        var status = (await cli.RunAsync("status")).Ok().Stdout;
        var version = (await cli.RunAsync("--json", "version")).Ok().Json();

        Assert.Contains("none approved", status, StringComparison.Ordinal);
        Assert.Equal(64, ((string?)version["releaseHash"])!.Length);
    }

    [Fact]
    public async Task Unreachable_node_is_a_readable_error()
    {
        using var cli = new CliSession($"http://127.0.0.1:{LoopbackNetwork.FreePort()}");
        var json = await cli.RunAsync("--json", "power");
        json.Failed("cannot reach the node");
        Assert.Equal("node-unreachable", (string?)json.Json()["error"]!["reason"]);
    }
}
