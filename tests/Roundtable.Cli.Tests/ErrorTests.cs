using Roundtable.Cli.Tests.Support;

namespace Roundtable.Cli.Tests;

/// <summary>User mistakes and refusals: one readable line on stderr, a non-zero exit, never a stack trace.</summary>
public sealed class ErrorTests(InProcessNode node) : IClassFixture<InProcessNode>
{
    [Fact]
    public async Task Unknown_key_name()
    {
        using var cli = node.Session();

        (await cli.RunAsync("tx", "register", "--key", "ghost", "--name", "G", "--group", "technical", "--region", "africa")).Failed("no key named 'ghost'");
        (await cli.RunAsync("query", "member", "--key", "ghost")).Failed("no key named 'ghost'");
    }

    [Fact]
    public async Task Unreachable_node()
    {
        using var cli = new CliSession($"http://127.0.0.1:{LoopbackNetwork.FreePort()}");
        (await cli.RunAsync("keys", "new", "alice")).Ok();

        (await cli.RunAsync("status")).Failed("cannot reach the node at http://127.0.0.1:");
        (await cli.RunAsync("tx", "register", "--key", "alice", "--name", "A", "--group", "technical", "--region", "africa")).Failed("Is it running?");
        var json = await cli.RunAsync("--json", "query", "members");
        json.Failed("cannot reach the node");
        Assert.Equal("node-unreachable", (string?)json.Json()["error"]!["reason"]);
        (await cli.RunAsync("status", "--node", "ftp://example")).Failed("is not an http(s) URL");
    }

    [Fact]
    public async Task Registering_twice_is_refused_by_the_node()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "twice")).Ok();
        (await cli.RunAsync("tx", "register", "--key", "twice", "--name", "Once", "--group", "technical", "--region", "africa")).Ok();

        (await cli.RunAsync("tx", "register", "--key", "twice", "--name", "Twice", "--group", "technical", "--region", "africa")).Failed("(already-exists)");
    }

    [Fact]
    public async Task Unknown_group_is_refused_by_the_node_with_problem_details()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "astro")).Ok();

        var result = await cli.RunAsync("--json", "tx", "register", "--key", "astro", "--name", "Astro", "--group", "astronauts", "--region", "africa");

        result.Failed("(invalid-argument)");
        Assert.Matches(@"^error: .*astronauts.* \(invalid-argument\)\r?\n$", result.Stderr);
        var error = result.Json()["error"]!;
        Assert.Equal("invalid-argument", (string?)error["reason"]);
        Assert.Equal(422, (int)error["status"]!);
        Assert.NotNull((string?)error["detail"]);
    }

    [Fact]
    public async Task Queries_for_missing_things()
    {
        using var cli = node.Session();

        (await cli.RunAsync("query", "tx", new string('0', 64))).Failed("(unknown-transaction)");
        (await cli.RunAsync("query", "tx", "xyz")).Failed("is not a transaction hash");
        (await cli.RunAsync("query", "member", new string('a', 64))).Failed("(unknown-member)");
        (await cli.RunAsync("query", "block", "999999999")).Failed("(unknown-block)");
        (await cli.RunAsync("query", "block", "-1")).Failed("not a block height");
        (await cli.RunAsync("query", "member")).Failed("either a member ID or --key");
    }

    [Fact]
    public async Task Transaction_option_mistakes()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "opts")).Ok();

        (await cli.RunAsync("tx", "register", "--name", "x", "--group", "technical", "--region", "africa")).Failed("--key NAME is required");
        (await cli.RunAsync("tx", "register", "--key", "opts", "--name", "x", "--group", "Technical!", "--region", "africa")).Failed("is not an identifier");
        (await cli.RunAsync("tx", "register", "--key", "opts", "--name", "x", "--group", "technical", "--region", "africa", "--profile", "novalue")).Failed("must be field=value");
        (await cli.RunAsync("tx", "rotate", "--key", "opts", "--new-key", "opts")).Failed("not registered as a member");
        (await cli.RunAsync("tx", "approve-recovery", "--key", "opts", "--member", new string('a', 64))).Failed("exactly one of --new-key");
        (await cli.RunAsync("tx", "register", "--key", "opts")).Failed("--name", exitCode: 2);
    }

    [Fact]
    public async Task Node_start_on_a_directory_that_is_not_a_home()
    {
        using var cli = new CliSession();

        (await cli.RunAsync("node", "start", "--home", cli.Scratch("nothing"))).Failed("is not a node home");
    }

    [Fact]
    public async Task Node_start_with_a_corrupt_config_fails_with_one_line()
    {
        using var cli = new CliSession();
        var home = cli.Scratch("node");
        (await cli.RunAsync("init", "--home", home, "--api-url", $"http://127.0.0.1:{LoopbackNetwork.FreePort()}")).Ok();
        await File.WriteAllTextAsync(Path.Combine(home, "config", "node.json"), "{ not json");

        var result = await cli.RunAsync("node", "start", "--home", home);

        result.Failed("the node cannot start");
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Node_start_on_a_port_in_use_fails_with_one_line()
    {
        using var cli = new CliSession();
        var home = cli.Scratch("second");
        (await cli.RunAsync("init", "--home", home, "--api-url", node.ApiUrl)).Ok();

        var result = await cli.RunAsync("node", "start", "--home", home);

        result.Failed("address already in use");
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Help_is_available_everywhere()
    {
        using var cli = new CliSession();

        var root = (await cli.RunAsync("--help")).Ok();
        foreach (var command in new[] { "init", "node", "keys", "tx", "query", "status" })
        {
            Assert.Contains(command, root.Stdout, StringComparison.Ordinal);
        }

        foreach (var path in new[] { "init", "node start", "keys new", "keys import", "tx register", "tx rotate", "tx guardians", "tx approve-recovery", "query block", "query proof", "status" })
        {
            var help = (await cli.RunAsync([.. path.Split(' '), "--help"])).Ok();
            Assert.Contains("Usage:", help.Stdout, StringComparison.Ordinal);
        }

        var unknown = await cli.RunAsync("frobnicate");
        unknown.Failed("frobnicate", exitCode: 2);
    }
}
