using Microsoft.Extensions.Logging.Abstractions;
using Roundtable.Node.Hosting;
using Roundtable.Node.Runtime;

namespace Roundtable.Cli.Tests.Support;

/// <summary>
/// A real node in the test process: a home created by 'roundtable init' on a free loopback port,
/// ValidatorNode.RunAsync in the background, cancelled and awaited on dispose.
/// </summary>
public sealed class InProcessNode : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("roundtable-cli-node-");
    private readonly CancellationTokenSource _stop = new();
    private readonly string[] _initOptions;
    private Task? _run;

    public InProcessNode()
        : this([])
    {
    }

    /// <summary>A node whose 'roundtable init' also gets <paramref name="initOptions"/> (internal: a class fixture has one public constructor).</summary>
    internal InProcessNode(params string[] initOptions)
    {
        _initOptions = initOptions;
    }

    public string Home => _dir.Combine("node");

    public string ApiUrl { get; } = $"http://127.0.0.1:{LoopbackNetwork.FreePort()}";

    public string ChainId => "cli-test";

    public async Task InitializeAsync()
    {
        using var cli = new CliSession();
        (await cli.RunAsync(["init", "--home", Home, "--chain-id", ChainId, "--api-url", ApiUrl, "--block-interval-ms", "100", "--admission", "open", .. _initOptions])).Ok();
        var node = new ValidatorNode(new NodeHome(Home), NullLoggerFactory.Instance);
        _run = Task.Run(() => node.RunAsync(_stop.Token));
        await LoopbackNetwork.WaitForStatusAsync(ApiUrl, TimeSpan.FromSeconds(30), diagnostics: () => _run.IsFaulted ? _run.Exception!.ToString() : null);
    }

    /// <summary>A CLI session pointed at this node.</summary>
    public CliSession Session() => new(ApiUrl);

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_run is not null)
            {
                await _run.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            _stop.Dispose();
            _dir.Dispose();
        }
    }
}
