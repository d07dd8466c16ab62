using System.Globalization;
using Roundtable.Cli.Tests.Support;
using Roundtable.Node.Hosting;

namespace Roundtable.Cli.Tests;

public sealed class InitCommandTests
{
    [Fact]
    public async Task Init_creates_a_home_with_config_genesis_and_validator_key()
    {
        using var cli = new CliSession();
        var home = cli.Scratch("node");

        var result = (await cli.RunAsync("--json", "init", "--home", home, "--chain-id", "my-chain", "--validator-name", "v1", "--group", "civil-society",
            "--api-url", "http://127.0.0.1:39999", "--block-interval-ms", "250", "--snapshot-interval", "7", "--admission", "open",
            "--attestations-required", "3", "--recovery-delay-seconds", "60")).Ok();

        var nodeHome = new NodeHome(home);
        Assert.True(nodeHome.IsInitialized);
        Assert.True(File.Exists(nodeHome.ValidatorKeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(nodeHome.ValidatorKeyFile));

        var config = nodeHome.LoadConfig();
        Assert.Equal("http://127.0.0.1:39999", config.ApiUrl);
        Assert.Equal(250UL, config.BlockIntervalMs);
        Assert.Equal(7UL, config.SnapshotInterval);

        var genesis = GenesisDocument.Load(nodeHome.GenesisFile);
        var state = genesis.ToState();
        Assert.Equal("my-chain", genesis.ChainId);
        Assert.Equal(GenesisDocument.DefaultGroups, genesis.Parameters.StakeholderGroups);
        Assert.Equal(GenesisDocument.DefaultRegions, genesis.Parameters.Regions);
        Assert.Equal(3U, genesis.Parameters.AttestationsRequired);
        Assert.Equal(60UL, genesis.Parameters.RecoveryDelaySeconds);
        var validator = Assert.Single(genesis.Validators);
        Assert.Equal("v1", validator.Name);
        Assert.Equal("civil-society", validator.StakeholderGroup);
        using var key = KeyFiles.Read(nodeHome.ValidatorKeyFile);
        Assert.Equal(key.PublicKey.ToString(), validator.PublicKey);

        // Genesis time: now, to the second, RFC 3339 UTC.
        var time = DateTimeOffset.ParseExact(genesis.GenesisTime, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(DateTimeOffset.UtcNow - time, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal((ulong)time.ToUnixTimeMilliseconds(), state.GenesisTimeMs);

        var json = result.Json();
        Assert.Equal(nodeHome.Root, (string?)json["home"]);
        Assert.Equal(key.PublicKey.ToString(), (string?)json["validator"]!["publicKey"]);
        Assert.Equal(nodeHome.GenesisFile, (string?)json["files"]!["genesis"]);
    }

    [Fact]
    public async Task Init_allows_passkeys_of_the_sites_named_and_none_by_default()
    {
        using var cli = new CliSession();
        var sites = cli.Scratch("sites");
        var none = cli.Scratch("none");

        (await cli.RunAsync("init", "--home", sites, "--passkey-rp-id", "portal.example.org", "--passkey-rp-id", "localhost")).Ok();
        (await cli.RunAsync("init", "--home", none)).Ok();

        Assert.Equal(["localhost", "portal.example.org"], GenesisDocument.Load(new NodeHome(sites).GenesisFile).ToState().Parameters.RelyingParties);
        Assert.Empty(GenesisDocument.Load(new NodeHome(none).GenesisFile).ToState().Parameters.RelyingParties);
        var refused = await cli.RunAsync("init", "--home", cli.Scratch("bad"), "--passkey-rp-id", "https://Portal.example.org");
        Assert.NotEqual(0, refused.ExitCode);
    }

    [Fact]
    public async Task Init_prints_what_it_created_for_people()
    {
        using var cli = new CliSession();
        var home = cli.Scratch("node");

        var result = (await cli.RunAsync("init", "--home", home)).Ok();

        Assert.Contains("Initialised node home " + home, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("roundtable-local", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("genesis.json", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("roundtable node start --home " + home, result.Stdout, StringComparison.Ordinal);
        Assert.Equal(Infrastructure.Paths.DefaultNodeUrl, new NodeHome(home).LoadConfig().ApiUrl);
    }

    [Fact]
    public async Task Init_refuses_to_overwrite_a_home_and_force_replaces_it()
    {
        using var cli = new CliSession();
        var home = cli.Scratch("node");
        (await cli.RunAsync("init", "--home", home)).Ok();
        var keyFile = new NodeHome(home).ValidatorKeyFile;
        var originalKey = await File.ReadAllTextAsync(keyFile);
        var chainData = Path.Combine(home, "data", "blocks", "marker");
        await File.WriteAllTextAsync(chainData, "old chain");

        (await cli.RunAsync("init", "--home", home)).Failed("already holds a node");
        Assert.Equal(originalKey, await File.ReadAllTextAsync(keyFile));
        Assert.True(File.Exists(chainData));

        (await cli.RunAsync("init", "--home", home, "--force")).Ok();
        Assert.NotEqual(originalKey, await File.ReadAllTextAsync(keyFile));
        Assert.False(File.Exists(chainData));
    }

    [Fact]
    public async Task Init_uses_ROUNDTABLE_HOME_then_the_user_home()
    {
        using var cli = new CliSession();

        var json = (await cli.RunAsync("--json", "init")).Ok().Json();

        // The session sets HOME to its scratch directory and leaves ROUNDTABLE_HOME unset.
        Assert.Equal(Path.Combine(cli.Scratch("home"), ".roundtable", "node"), (string?)json["home"]);
    }

    [Theory]
    [InlineData("--chain-id", "Bad Chain!", "not a valid chain id")]
    [InlineData("--api-url", "not-a-url", "must be an http(s) URL")]
    [InlineData("--block-interval-ms", "0", "must be positive")]
    [InlineData("--attestations-required", "0", "attestation")]
    public async Task Init_explains_invalid_settings(string option, string value, string message)
    {
        using var cli = new CliSession();
        var home = cli.Scratch("node");

        (await cli.RunAsync("init", "--home", home, option, value)).Failed(message);

        Assert.False(new NodeHome(home).IsInitialized);
    }

    [Fact]
    public async Task Init_rejects_an_unknown_group_as_a_usage_error()
    {
        using var cli = new CliSession();

        var result = await cli.RunAsync("init", "--home", cli.Scratch("node"), "--group", "astronauts");

        result.Failed("astronauts", exitCode: 2);
        Assert.Contains("roundtable init --help", result.Stderr, StringComparison.Ordinal);
    }
}
