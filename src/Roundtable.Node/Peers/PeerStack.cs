using System.Net;
using Microsoft.Extensions.Logging;
using Roundtable.Network;
using Roundtable.Node.Consensus;
using Roundtable.Node.Hosting;
using Roundtable.Node.PersonalData;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Peers;

/// <summary>
/// The node's peer side: transport and gossip when a P2P address is configured, nothing otherwise.
/// The transport starts before the chain state exists (a joining node downloads its state through
/// it); gossip starts once there is a chain to gossip about.
/// </summary>
public sealed class PeerStack : IAsyncDisposable
{
    private readonly NodeIdentity? _identity;
    private readonly PeerNetwork? _network;
    private readonly ILoggerFactory _logs;
    private PeerGossip? _gossip;

    private PeerStack(NodeIdentity? identity, PeerNetwork? network, ILoggerFactory logs)
    {
        _identity = identity;
        _network = network;
        _logs = logs;
    }

    /// <summary>The transport, or null for a node without peers.</summary>
    public PeerNetwork? Network => _network;

    /// <summary>What consensus broadcasts through.</summary>
    public IConsensusGossip Gossip => (IConsensusGossip?)_gossip ?? NoGossip.Instance;

    /// <summary>Starts listening and dialing persistent peers (or nothing, for a node without peers).</summary>
    public static async Task<PeerStack> StartAsync(NodeHome home, NodeConfig config, string chainId, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(config.P2pListen))
        {
            return new PeerStack(null, null, logs);
        }

        if (!IPEndPoint.TryParse(config.P2pListen, out var listen))
        {
            throw new InvalidDataException($"p2pListen '{config.P2pListen}' is not an address:port.");
        }

        var peers = config.PersistentPeers.Select(p => PeerAddress.TryParse(p, out var a) ? a : throw new InvalidDataException($"Persistent peer '{p}' is not nodeid@host:port.")).ToList();
        using var key = home.LoadOrCreateNodeKey();
        var identity = new NodeIdentity(key);
        var network = new PeerNetwork(
            identity,
            new PeerNetworkOptions
            {
                Listen = listen,
                ChainId = chainId,
                PersistentPeers = peers,
                AllowedPeers = peers.Count == 0 ? null : peers.Select(p => p.NodeId).ToHashSet(),
            },
            logs.CreateLogger("Roundtable.Peers"));
        await network.StartAsync(cancellationToken).ConfigureAwait(false);
        logs.CreateLogger("Roundtable.Peers").LogInformation("Peer port {Listen}, node id {NodeId}", network.LocalEndPoint, identity.NodeId);
        return new PeerStack(identity, network, logs);
    }

    /// <summary>
    /// Starts gossip about <paramref name="chain"/> (once, before <see cref="Attach"/>), with the
    /// disclosures of <paramref name="personalData"/> when given.
    /// </summary>
    public void StartGossip(ChainState chain, PersonalDataDesk? personalData = null)
    {
        if (_network is not null)
        {
            _gossip = new PeerGossip(_network, chain, _logs.CreateLogger("Roundtable.Gossip"), personalData);
        }
    }

    /// <summary>Connects the consensus loop (peer messages in, invalid catch-up data drops the peer).</summary>
    public void Attach(ConsensusLoop loop)
    {
        if (_gossip is null)
        {
            return;
        }

        _gossip.Attach(loop);
        loop.InvalidCatchUp += (peer, reason) => _network!.Disconnect(peer, reason, TimeSpan.FromSeconds(30));
    }

    /// <summary>Runs gossip until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _gossip?.RunAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync().ConfigureAwait(false);
        }

        _identity?.Dispose();
    }
}
