using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Roundtable.Cli.Tests.Support;
using Roundtable.Node.Hosting;
using Roundtable.Node.Runtime;

namespace Roundtable.Cli.Tests;

/// <summary>Proofs as a person uses them: anchor, prove, stop every node, verify offline; and a light client catching a lying node.</summary>
public sealed class ProofCommandTests
{
    [Fact]
    public async Task A_file_anchored_on_a_node_is_verified_offline_after_the_node_stops_and_a_changed_byte_is_named()
    {
        using var dir = new TempDirectory();
        var home = dir.Combine("node");
        var api = $"http://127.0.0.1:{LoopbackNetwork.FreePort()}";
        using var cli = new CliSession(api);
        (await cli.RunAsync("init", "--home", home, "--chain-id", "proof-tour", "--api-url", api, "--block-interval-ms", "100", "--admission", "open")).Ok();
        var genesis = Path.Combine(home, "config", "genesis.json");
        var file = cli.Scratch("recommendation.md");
        await File.WriteAllTextAsync(file, "# Recommendation\nCo-govern the zone together.\n");
        var bundle = cli.Scratch("recommendation.rtproof");

        using (var node = ChildNode.Start(home))
        {
            await LoopbackNetwork.WaitForStatusAsync(api, TimeSpan.FromSeconds(60), diagnostics: () => node.Output);
            (await cli.RunAsync("keys", "new", "amina")).Ok();
            (await cli.RunAsync("tx", "register", "--key", "amina", "--name", "Amina", "--group", "civil-society", "--region", "africa")).Ok();
            (await cli.RunAsync("tx", "anchor", "--key", "amina", "--file", file, "--title", "Zone recommendation")).Ok();
            (await cli.RunAsync("prove", "--file", file, "--out", bundle)).Ok();
            node.Terminate();
            Assert.Equal(0, await node.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        var verified = (await cli.RunAsync("verify", "--bundle", bundle, "--file", file, "--trust", genesis)).Ok().Stdout;
        var json = (await cli.RunAsync("--json", "verify", "--bundle", bundle, "--file", file, "--trust", genesis)).Ok().Json();
        var original = await File.ReadAllBytesAsync(file);
        original[3] ^= 0x01;
        await File.WriteAllBytesAsync(file, original);
        var changed = await cli.RunAsync("verify", "--bundle", bundle, "--file", file, "--trust", genesis);
        var wrongTrust = await cli.RunAsync("verify", "--bundle", bundle, "--trust", new string('1', 64));
        var missing = await cli.RunAsync("verify", "--bundle", cli.Scratch("nothing.rtproof"), "--trust", genesis);

        Assert.Contains("VERIFIED", verified, StringComparison.Ordinal);
        Assert.Contains("Document \"Zone recommendation\"", verified, StringComparison.Ordinal);
        Assert.Contains("member of civil-society (africa", verified, StringComparison.Ordinal);
        Assert.Contains("it is not revoked", verified, StringComparison.Ordinal);
        Assert.Contains("signed by validators holding 720720 of 720720 voting power: technical 1/1", verified, StringComparison.Ordinal);
        Assert.True((bool)json["verified"]!);
        Assert.Equal("genesis", (string?)json["trust"]!["anchor"]);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("REFUTED: file: the file's SHA-256 is", changed.Stdout, StringComparison.Ordinal);
        Assert.Contains((string)json["file"]!["sha256"]!, changed.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, wrongTrust.ExitCode);
        Assert.Contains("REFUTED: trust anchor", wrongTrust.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public async Task The_light_client_follows_an_honest_node_and_reports_a_witness_whose_validator_signed_another_history()
    {
        using var dir = new TempDirectory();
        var honestHome = dir.Combine("honest");
        var liarHome = dir.Combine("liar");
        var honestApi = $"http://127.0.0.1:{LoopbackNetwork.FreePort()}";
        var liarApi = $"http://127.0.0.1:{LoopbackNetwork.FreePort()}";
        using var cli = new CliSession(honestApi);
        (await cli.RunAsync("init", "--home", honestHome, "--chain-id", "split-chain", "--api-url", honestApi, "--block-interval-ms", "100")).Ok();

        // The same genesis and the same validator key, run twice: the validator signs two histories.
        CopyDirectory(honestHome, liarHome);
        var config = Path.Combine(liarHome, "config", "node.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(config))!;
        json["apiUrl"] = liarApi;
        await File.WriteAllTextAsync(config, json.ToJsonString());

        using var stop = new CancellationTokenSource();
        var runs = new[] { honestHome, liarHome }.Select(h => Task.Run(() => new ValidatorNode(new NodeHome(h), NullLoggerFactory.Instance).RunAsync(stop.Token))).ToArray();
        try
        {
            foreach (var url in new[] { honestApi, liarApi })
            {
                await LoopbackNetwork.WaitForStatusAsync(url, TimeSpan.FromSeconds(30), ready: s => (ulong)s["height"]! >= 5);
            }

            var genesis = Path.Combine(honestHome, "config", "genesis.json");
            var alone = (await cli.RunAsync("--json", "light", "--trust", genesis, "--height", "5", "--sequential")).Ok().Json();
            var evidence = cli.Scratch("evidence.json");
            var caught = await cli.RunAsync("light", "--trust", genesis, "--height", "4", "--witness", liarApi, "--evidence", evidence);

            Assert.True((bool)alone["verified"]!);
            Assert.Equal(5, (int)alone["headersVerified"]!);
            Assert.Equal(1, caught.ExitCode);
            Assert.Contains("CONFLICT at height 4", caught.Stdout, StringComparison.Ordinal);
            Assert.Contains("Validators that signed both: validator-1", caught.Stdout, StringComparison.Ordinal);
            var report = JsonNode.Parse(await File.ReadAllTextAsync(evidence))!;
            Assert.NotEqual((string?)report["primary"]!["id"], (string?)report["witness"]!["id"]);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var source in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }
}
