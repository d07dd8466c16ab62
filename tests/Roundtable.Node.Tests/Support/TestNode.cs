using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Roundtable.Application.Parameters;
using Roundtable.Core.Crypto;
using Roundtable.Node.Hosting;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Tests.Support;

/// <summary>A real one-validator node in this process: temp home, loopback port, real HTTP.</summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    private TestNode(string root, NodeConfig config)
    {
        Home = new NodeHome(root);
        Config = config;
        Http = new HttpClient { BaseAddress = new Uri(config.ApiUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public NodeHome Home { get; }

    public NodeConfig Config { get; }

    public HttpClient Http { get; }

    /// <summary>The running node's chain state (set once started), for test hooks such as scheduling a validator set.</summary>
    public ChainState Chain { get; private set; } = null!;

    public string ChainId => "test-chain";

    /// <summary>True while the node runs (started and neither stopped nor ended by itself).</summary>
    public bool IsRunning => _run is { IsCompleted: false };

    public static async Task<TestNode> StartAsync(AdmissionRule admission = AdmissionRule.Open, ulong snapshotInterval = 100, string? root = null, ulong blockIntervalMs = 50, string? validatorRegion = null, ulong? governancePeriodSeconds = null, IReadOnlyList<string>? passkeyRelyingParties = null, ulong recoveryDelaySeconds = 60, IReadOnlyList<GenesisDocument.ZoneDocument>? zones = null, bool dns = false, IReadOnlyList<TsigSecret>? tsigKeys = null, IReadOnlyList<PrivateKey>? dnssecKeys = null, IReadOnlyList<GenesisDocument.TrustAnchorDocument>? trustAnchors = null)
    {
        root ??= Path.Combine(Path.GetTempPath(), "roundtable-node-test-" + Path.GetRandomFileName());
        var config = new NodeConfig { ApiUrl = $"http://127.0.0.1:{FreePort()}", BlockIntervalMs = blockIntervalMs, SnapshotInterval = snapshotInterval, MaxRequestBodyBytes = 64 * 1024, DnsListen = dns ? "127.0.0.1:0" : null, TsigKeys = tsigKeys ?? [] };
        var node = new TestNode(root, config);
        if (!node.Home.IsInitialized)
        {
            using var key = PrivateKey.Generate();
            var genesis = new GenesisDocument
            {
                ChainId = node.ChainId,
                GenesisTime = "2026-01-01T00:00:00Z",
                Parameters = new GenesisDocument.ParametersDocument(GenesisDocument.DefaultGroups, GenesisDocument.DefaultRegions, admission, 2, recoveryDelaySeconds, PasskeyRelyingParties: passkeyRelyingParties ?? [GenesisDocument.LocalRelyingParty], TrustAnchors: trustAnchors),
                Validators = [new GenesisDocument.ValidatorDocument("test-validator", key.PublicKey.ToString(), "technical", validatorRegion)],
                GovernancePeriodSeconds = governancePeriodSeconds,
                Zones = zones ?? [],
            };
            node.Home.Initialize(config, genesis, key);
            Directory.CreateDirectory(node.Home.DnssecKeysDirectory);
            for (var i = 0; i < (dnssecKeys?.Count ?? 0); i++)
            {
                KeyFiles.Write(Path.Combine(node.Home.DnssecKeysDirectory, $"key-{i}.pem"), dnssecKeys![i]);
            }
        }
        else
        {
            node.Home.SaveConfig(config);
        }

        await node.StartAsync().ConfigureAwait(false);
        return node;
    }

    /// <summary>Starts this home again (after <see cref="StopAsync"/>), on a fresh port.</summary>
    public static Task<TestNode> RestartAsync(TestNode stopped) => StartAsync(root: stopped.Home.Root);

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            await _run.ConfigureAwait(false);
        }
    }

    public async Task<JsonObject> StatusAsync() =>
        (await Http.GetFromJsonAsync<JsonObject>("/api/v1/status").ConfigureAwait(false))!;

    public async Task<ulong> HeightAsync() => (ulong)(await StatusAsync().ConfigureAwait(false))["height"]!;

    /// <summary>Waits until the chain reaches <paramref name="height"/>.</summary>
    public async Task WaitForHeightAsync(ulong height)
    {
        await Until(async () => await HeightAsync().ConfigureAwait(false) >= height, $"height {height}").ConfigureAwait(false);
    }

    /// <summary>Waits until the transaction is committed and returns its status document.</summary>
    public async Task<JsonObject> WaitForCommitAsync(string hash)
    {
        JsonObject? doc = null;
        await Until(async () =>
        {
            var response = await Http.GetAsync($"/api/v1/txs/{hash}").ConfigureAwait(false);
            doc = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>().ConfigureAwait(false) : null;
            return (string?)doc?["status"] == "committed";
        }, $"commit of {hash}").ConfigureAwait(false);
        return doc!;
    }

    public static async Task Until(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Http.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(Home.Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>Stops without deleting the home, so it can be restarted.</summary>
    public async Task StopKeepingHomeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Http.Dispose();
    }

    private async Task StartAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var node = new ValidatorNode(Home, NullLoggerFactory.Instance);
        node.Started += chain =>
        {
            Chain = chain;
            started.TrySetResult();
        };
        _run = Task.Run(() => node.RunAsync(_stop.Token));
        var first = await Task.WhenAny(started.Task, _run).ConfigureAwait(false);
        await first.ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
