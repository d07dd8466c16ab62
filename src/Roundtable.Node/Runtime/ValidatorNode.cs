using Microsoft.Extensions.Logging;
using Roundtable.Consensus;
using Roundtable.Node.Api;
using Roundtable.Node.Consensus;
using Roundtable.Node.Dns;
using Roundtable.Node.Peers;
using Roundtable.Node.PersonalData;
using Roundtable.Node.Hosting;
using Roundtable.Node.Proofs;
using Roundtable.Node.StateSync;
using Roundtable.Node.Upgrades;

namespace Roundtable.Node.Runtime;

/// <summary>
/// A running node: restores its chain from disk, serves the API and drives consensus until
/// cancelled. <see cref="RunAsync"/> returns after a clean shutdown.
/// </summary>
public sealed class ValidatorNode
{
    private readonly NodeHome _home;
    private readonly ILoggerFactory _logs;

    /// <summary>Prepares a node for <paramref name="home"/>.</summary>
    public ValidatorNode(NodeHome home, ILoggerFactory logs)
    {
        _home = home;
        _logs = logs;
    }

    /// <summary>Join by snapshot when the node has no state yet, whatever the configuration says (<c>node --state-sync</c>).</summary>
    public bool StateSync { get; init; }

    /// <summary>Raised once the API listens and consensus runs (with the chain state, for tests and tools).</summary>
    public event Action<ChainState>? Started;

    /// <summary>Runs the node until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="InvalidDataException">Configuration or stored data is invalid; the message says what.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var log = _logs.CreateLogger("Roundtable.Node");
        if (!_home.IsInitialized)
        {
            throw new InvalidDataException($"{_home.Root} is not a node home; run 'roundtable init --home {_home.Root}' first.");
        }

        _home.EnsureCurrentLedgerFormat();
        var config = _home.LoadConfig();
        // Checked at every start, so a half-given trusted header is reported before it is needed.
        var trust = config.StateSyncTrust();
        var genesis = GenesisDocument.Load(_home.GenesisFile).ToState();
        var key = KeyFiles.Read(_home.ValidatorKeyFile);
        var joined = JoinedBase.TryLoad(_home.JoinedBaseFile);
        var (app, store, snapshots) = ChainRestorer.Restore(genesis, _home.BlocksDirectory, _home.SnapshotsDirectory, log, joined?.Header);
        var anchor = GenesisAnchors.From(genesis);
        await using var peers = await PeerStack.StartAsync(_home, config, genesis.ChainId, _logs, cancellationToken).ConfigureAwait(false);
        if ((StateSync || config.StateSync) && app.Height == 0 && store.LastHeight == 0 && peers.Network is { } network)
        {
            var state = await new SnapshotJoin(network, anchor, snapshots, _home.JoinedBaseFile, _logs.CreateLogger("Roundtable.StateSync")) { Trust = trust }.RunAsync(cancellationToken).ConfigureAwait(false);
            if (state is not null)
            {
                app = state.App;
                joined = state.Base;
            }
        }

        var personalData = new PersonalDataStore(_home.PersonalDataDirectory);
        using var chain = new ChainState(app, store, snapshots, config, anchor, _logs.CreateLogger("Roundtable.Chain"), joined?.Commit) { Disclosed = personalData };
        using var eraser = new PersonalDataEraser(chain, personalData, _logs.CreateLogger("Roundtable.PersonalData"));
        var desk = new PersonalDataDesk(chain, personalData);
        peers.StartGossip(chain, desk);
        if (app.UpgradePlan is { } plan)
        {
            log.LogWarning("Approved upgrade to {Version} (release SHA-256 {Hash}) at height {HaltHeight}; this node runs {Running}", plan.Version, plan.VersionHash, plan.HaltHeight, chain.Release);
        }

        using var wal = ConsensusWal.Open(_home.ConsensusWalFile, out var walRepair);
        if (walRepair is not null)
        {
            log.LogWarning("{Repair}", walRepair);
        }

        var engine = new TendermintEngine(genesis.ChainId, chain, new LocalSigner(key), ConsensusTiming.ForBlockInterval(config.BlockIntervalMs));
        var loop = new ConsensusLoop(engine, chain, wal, peers.Gossip, TimeProvider.System, _logs.CreateLogger("Roundtable.Consensus"));
        peers.Attach(loop);

        await using var dns = config.DnsListen is not null ? DnsHost.Start(chain, config, _home.DnssecKeysDirectory, _logs) : null;
        await using var api = ApiServer.Build(chain, config, new ForwardingLoggerProvider(_logs), _home.PortalLanguagesDirectory, dns, desk);
        await api.StartAsync(cancellationToken).ConfigureAwait(false);
        log.LogInformation("Node {Chain} at height {Height}, API on {Url}, DNS on {Dns}, validator {Validator}", genesis.ChainId, app.Height, config.ApiUrl, dns?.EndPoint.ToString() ?? "(off)", key.PublicKey.Id.ToShortString());
        Started?.Invoke(chain);
        try
        {
            await RunUntilStoppedAsync(loop, peers, chain, log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await api.StopAsync(CancellationToken.None).ConfigureAwait(false);
            log.LogInformation("Node stopped at height {Height}", chain.Height);
        }
    }

    /// <summary>
    /// Runs consensus and the peers until cancelled. At an approved upgrade's halt height a node
    /// of another build stops committing (or, started there, never begins) but keeps serving its
    /// API and its peers' catch-up requests, so that a slower node can still fetch the last block
    /// and readers still see the chain; any other failure stops everything and surfaces.
    /// </summary>
    private static async Task RunUntilStoppedAsync(ConsensusLoop loop, PeerStack peers, ChainState chain, ILogger log, CancellationToken cancellationToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = running.Token.Register(() => stopped.TrySetResult());
        var consensus = chain.UpgradeHalt is { } atStart ? Task.FromException(new UpgradeRequiredException(atStart)) : loop.RunAsync(running.Token);
        List<Task> pending = [consensus, peers.RunAsync(running.Token)];
        while (pending.Count > 0)
        {
            var ended = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(ended);
            if (ended.Exception?.InnerException is UpgradeRequiredException halt)
            {
                // Halted, not stopped: serve until the operator stops the node, even with no peers.
                log.LogCritical("Stopped committing at height {Height}: {Message}", chain.Height, halt.Message);
                pending.Add(stopped.Task);
                continue;
            }

            if (ended.IsFaulted)
            {
                // Stop the rest, let it wind down whatever its outcome, and surface this failure.
                await running.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(pending).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
                await ended.ConfigureAwait(false);
            }
        }
    }

    private sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

        public void Dispose()
        {
            // The factory belongs to the caller.
        }
    }
}
