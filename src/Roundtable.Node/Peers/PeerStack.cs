using System.Net;
using Microsoft.Extensions.Logging;
using Roundtable.Network;
using Roundtable.Node.Consensus;
using Roundtable.Node.Hosting;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Peers;

/// <summary>The node's peer side: transport and gossip when a P2P address is configured, nothing otherwise.</summary>
public sealed class PeerStack : IAsyncDisposable
{
    private readonly NodeIdentity? _identity;
    private readonly PeerNetwork? _network;
    private readonly PeerGossip? _gossip;

    private PeerStack(NodeIdentity? identity, PeerNetwork? network, PeerGossip? gossip)
    {
        _identity = identity;
        _network = network;
        _gossip = gossip;
    }

    /// <summary>What consensus broadcasts through.</summary>
    public IConsensusGossip Gossip => (IConsensusGossip?)_gossip ?? NoGossip.Instance;

    /// <summary>Starts listening and dialing persistent peers (or nothing, for a node without peers).</summary>
    public static async Task<PeerStack> StartAsync(NodeHome home, NodeConfig config, string chainId, ChainState chain, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(config.P2pListen))
        {
            return new PeerStack(null, null, null);
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
        return new PeerStack(identity, network, new PeerGossip(network, chain, logs.CreateLogger("Roundtable.Gossip")));
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
