using System.Collections.Concurrent;
using System.Net;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Xunit.Abstractions;

namespace Roundtable.Network.Tests.Support;

/// <summary>A <see cref="PeerNetwork"/> on 127.0.0.1 with everything it reports recorded.</summary>
public sealed class TestNode : IAsyncDisposable
{
    public const string ChainId = "test-chain";

    private readonly CancellationTokenSource _stop = new();
    private readonly bool _ownsKey;
    private Task _consumer = Task.CompletedTask;

    private TestNode(string name, PrivateKey key, bool ownsKey, PeerNetworkOptions options, ITestOutputHelper? output)
    {
        Name = name;
        Key = key;
        _ownsKey = ownsKey;
        Identity = new NodeIdentity(key);
        Log = new TestLog(name, output);
        Network = new PeerNetwork(Identity, options, Log);
        Network.PeerConnected += (_, e) => Connected.Enqueue(e.Peer);
        Network.PeerDisconnected += (_, e) => Disconnected.Enqueue(e);
        Network.HandshakeFailed += (_, e) => HandshakeFailures.Enqueue(e);
    }

    public string Name { get; }

    public PrivateKey Key { get; }

    public NodeIdentity Identity { get; }

    public Hash256 Id => Identity.NodeId;

    public TestLog Log { get; }

    public PeerNetwork Network { get; }

    public ConcurrentQueue<InboundMessage> Received { get; } = new();

    public ConcurrentQueue<PeerInfo> Connected { get; } = new();

    public ConcurrentQueue<PeerDisconnectedEventArgs> Disconnected { get; } = new();

    public ConcurrentQueue<HandshakeFailedEventArgs> HandshakeFailures { get; } = new();

    public IPEndPoint EndPoint => Network.LocalEndPoint;

    public PeerAddress Address => new(Id, "127.0.0.1", EndPoint.Port);

    // Starts a node; configure adjusts the default test options; consume: whether a background
    // task takes every inbound message into Received.
    public static async Task<TestNode> StartAsync(
        string name,
        ITestOutputHelper? output,
        Func<PeerNetworkOptions, PeerNetworkOptions>? configure = null,
        PrivateKey? key = null,
        int port = 0,
        bool consume = true)
    {
        var options = new PeerNetworkOptions { Listen = new IPEndPoint(IPAddress.Loopback, port), ChainId = ChainId };
        options = configure?.Invoke(options) ?? options;
        var node = new TestNode(name, key ?? PrivateKey.Generate(), ownsKey: key is null, options, output);
        await node.Network.StartAsync(CancellationToken.None);
        if (consume)
        {
            node.StartConsuming();
        }

        return node;
    }

    /// <summary>Takes every inbound message into <see cref="Received"/> from now on.</summary>
    public void StartConsuming() => _consumer = Task.Run(async () =>
    {
        try
        {
            await foreach (var message in Network.Inbound.ReadAllAsync(_stop.Token))
            {
                Received.Enqueue(message);
            }
        }
        catch (OperationCanceledException)
        {
        }
    });

    public bool IsConnectedTo(TestNode other) => Network.Peers.Any(p => p.NodeId == other.Id);

    public int CountFrom(TestNode sender, byte type) => Received.Count(m => m.From == sender.Id && m.Type == type);

    public async ValueTask DisposeAsync()
    {
        await Network.DisposeAsync();
        await _stop.CancelAsync();
        await _consumer;
        _stop.Dispose();
        Identity.Dispose();
        if (_ownsKey)
        {
            Key.Dispose();
        }
    }
}
