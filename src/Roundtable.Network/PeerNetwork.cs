using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Roundtable.Core.Hashing;
using Roundtable.Network.Wire;

namespace Roundtable.Network;

/// <summary>
/// The peer transport: listens for and dials peers over TCP + TLS 1.3 with mutual authentication
/// by pinned node ids, and carries opaque typed messages between them. It knows nothing about what
/// the messages mean. See <c>docs/network.md</c> for the wire protocol.
/// </summary>
/// <remarks>
/// <para>Thread safety: every member may be called from any thread. <see cref="Send"/> and
/// <see cref="Broadcast"/> never block: they queue and return.</para>
/// <para>Events are raised one at a time, in order, on a dedicated task; a handler that blocks
/// delays later events but never the network. Handlers must not await <see cref="DisposeAsync"/>.</para>
/// </remarks>
public sealed partial class PeerNetwork : IAsyncDisposable
{
    /// <summary>The transport protocol version carried in the hello.</summary>
    public const int ProtocolVersion = 1;

    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Disposed = 2;

    private readonly NodeIdentity _identity;
    private readonly PeerNetworkOptions _options;
    private readonly ILogger _log;
    private readonly SslStreamCertificateContext _certificateContext;
    private readonly Channel<InboundMessage> _inbound;
    private readonly Channel<Action> _events = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskTracker _tasks = new();
    private readonly HashSet<Hash256> _persistentIds;
    private readonly ulong _instance = (ulong)Random.Shared.NextInt64();

    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, PeerConnection> _peers = [];
    private readonly Dictionary<Hash256, long> _bannedUntil = []; // Environment.TickCount64 milliseconds
    private bool _closing;

    /// <summary>Registered connections, replaced (never mutated) under <see cref="_gate"/>; read without locking.</summary>
    private volatile Dictionary<Hash256, PeerConnection> _snapshot = [];

    private TcpListener? _listener;
    private IPEndPoint? _localEndPoint;
    private Task? _eventLoop;
    private int _state;
    private int _pendingHandshakes;
    private int _openSockets;
    private long _dialSequence;

    /// <summary>Creates the network; nothing happens until <see cref="StartAsync"/>.</summary>
    /// <param name="identity">This node's key and certificate; owned by the caller, must outlive the network.</param>
    /// <param name="options">Configuration; validated here.</param>
    /// <param name="logger">Where connection events and per-peer failures are logged.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public PeerNetwork(NodeIdentity identity, PeerNetworkOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        if (options.PersistentPeers.Any(p => p.NodeId == identity.NodeId))
        {
            throw new ArgumentException("PersistentPeers lists this node itself.", nameof(options));
        }

        _identity = identity;
        _options = options;
        _log = logger;
        _persistentIds = [.. options.PersistentPeers.Select(p => p.NodeId)];
        _certificateContext = SslStreamCertificateContext.Create(identity.Certificate, additionalCertificates: null, offline: true);
        _inbound = Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(options.InboundQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // readers of connections wait: backpressure
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>A peer completed the handshake. Raised in order with <see cref="PeerDisconnected"/>.</summary>
    public event EventHandler<PeerConnectedEventArgs>? PeerConnected;

    /// <summary>A connected peer went away (or its connection was replaced by a duplicate's winner).</summary>
    public event EventHandler<PeerDisconnectedEventArgs>? PeerDisconnected;

    /// <summary>A connection failed or was refused before it became a peer (pin, allow list, chain id, limits...).</summary>
    public event EventHandler<HandshakeFailedEventArgs>? HandshakeFailed;

    /// <summary>This node's id.</summary>
    public Hash256 NodeId => _identity.NodeId;

    /// <summary>The bound listen address; its port is the real one when <see cref="PeerNetworkOptions.Listen"/> asked for 0.</summary>
    /// <exception cref="InvalidOperationException">The network has not been started.</exception>
    public IPEndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The peer network is not started.");

    /// <summary>
    /// Messages from all peers, in arrival order per peer. Bounded by
    /// <see cref="PeerNetworkOptions.InboundQueueCapacity"/>: while it is full, peers are not read.
    /// Completes when the network is disposed.
    /// </summary>
    public ChannelReader<InboundMessage> Inbound => _inbound.Reader;

    /// <summary>The connected peers, ordered by node id.</summary>
    public IReadOnlyList<PeerInfo> Peers => [.. _snapshot.Values.Select(c => c.Snapshot()).OrderBy(p => p.NodeId)];

    /// <summary>Sockets open right now, in handshake or connected (for tests and metrics).</summary>
    internal int OpenSocketCount => Volatile.Read(ref _openSockets);

    /// <summary>Binds the listener, then dials the persistent peers and keeps them connected.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    /// <exception cref="SocketException">The listen address could not be bound.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = Interlocked.CompareExchange(ref _state, Running, NotStarted);
        ObjectDisposedException.ThrowIf(state == Disposed, this);
        if (state != NotStarted)
        {
            throw new InvalidOperationException("The peer network is already started.");
        }

        var listener = new TcpListener(_options.Listen);
        listener.Start(backlog: 128);
        _listener = listener;
        _localEndPoint = (IPEndPoint)listener.LocalEndpoint;
        Log.Listening(_log, _localEndPoint, NodeId);

        _eventLoop = Task.Run(DispatchEventsAsync, CancellationToken.None);
        _tasks.Track(Task.Run(() => AcceptLoopAsync(listener, _shutdown.Token), CancellationToken.None));
        foreach (var peer in _options.PersistentPeers)
        {
            _tasks.Track(Task.Run(() => DialLoopAsync(peer, _shutdown.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Queues a message for one peer. False when the peer is not connected or its send queue is full
    /// (the message is then dropped: see <see cref="PeerNetworkOptions.OutboundQueueCapacityPerPeer"/>).
    /// True means queued, not delivered. The payload is copied; the caller may reuse its buffer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Type 0 (reserved) or a payload larger than the frame limit.</exception>
    public bool Send(Hash256 peer, byte type, ReadOnlyMemory<byte> payload)
    {
        CheckMessage(type, payload);
        return _snapshot.TryGetValue(peer, out var connection) && connection.TryEnqueue(Frame.Encode(type, payload.Span));
    }

    /// <summary>
    /// Queues a message for every connected peer; peers whose send queue is full miss it. The frame is
    /// encoded once and shared. The payload is copied; the caller may reuse its buffer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Type 0 (reserved) or a payload larger than the frame limit.</exception>
    public void Broadcast(byte type, ReadOnlyMemory<byte> payload)
    {
        CheckMessage(type, payload);
        var peers = _snapshot;
        if (peers.Count == 0)
        {
            return;
        }

        var frame = Frame.Encode(type, payload.Span);
        foreach (var connection in peers.Values)
        {
            connection.TryEnqueue(frame);
        }
    }

    /// <summary>
    /// Disconnects a peer, telling it <paramref name="reason"/>; for when it sent invalid data.
    /// With <paramref name="ban"/>, the peer is neither accepted nor dialed until the ban ends.
    /// A persistent peer without a ban is redialed after the usual backoff.
    /// </summary>
    public void Disconnect(Hash256 peer, string reason, TimeSpan? ban = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (ban is { } duration && duration > TimeSpan.Zero)
        {
            var until = Environment.TickCount64 + (long)Math.Min(duration.TotalMilliseconds, int.MaxValue);
            lock (_gate)
            {
                _bannedUntil[peer] = until;
            }

            Log.Banned(_log, peer, DateTimeOffset.UtcNow + duration);
        }

        if (_snapshot.TryGetValue(peer, out var connection))
        {
            connection.Close("disconnected by the application: " + reason);
        }
    }

    /// <summary>Closes the listener and every connection and waits until all loops have ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, Disposed) == Disposed)
        {
            return;
        }

        await _shutdown.CancelAsync();
        _listener?.Stop();
        PeerConnection[] connections;
        lock (_gate)
        {
            _closing = true;
            connections = [.. _peers.Values];
        }

        foreach (var connection in connections)
        {
            connection.Close("this node is shutting down");
        }

        await _tasks.WhenAllAsync();
        _inbound.Writer.TryComplete();
        _events.Writer.TryComplete();
        if (_eventLoop is not null)
        {
            await _eventLoop;
        }

        _shutdown.Dispose();
    }

    /// <summary>Dials <paramref name="address"/> once; true when the connection became the peer's connection.</summary>
    internal async Task<bool> ConnectOnceAsync(PeerAddress address, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        var task = DialOnceAsync(address, linked.Token);
        _tasks.Track(task);
        return await task is not null;
    }

    private void CheckMessage(byte type, ReadOnlyMemory<byte> payload)
    {
        if (type == Frame.ControlType)
        {
            throw new ArgumentOutOfRangeException(nameof(type), "Message type 0 is reserved for the transport.");
        }

        if (payload.Length > _options.MaxFrameBytes - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), $"A payload of {payload.Length} bytes exceeds the frame limit of {_options.MaxFrameBytes} bytes (type byte included).");
        }
    }

    private PeerConnection? Current(Hash256 peer) => _snapshot.TryGetValue(peer, out var connection) ? connection : null;

    /// <summary>Milliseconds left on a ban of <paramref name="peer"/>, or 0. Call under <see cref="_gate"/>.</summary>
    private long BanRemainingLocked(Hash256 peer)
    {
        if (!_bannedUntil.TryGetValue(peer, out var until))
        {
            return 0;
        }

        var left = until - Environment.TickCount64;
        if (left <= 0)
        {
            _bannedUntil.Remove(peer);
            return 0;
        }

        return left;
    }

    private long BanRemaining(Hash256 peer)
    {
        lock (_gate)
        {
            return BanRemainingLocked(peer);
        }
    }

    /// <summary>
    /// Makes <paramref name="connection"/> the peer's connection, or says why not. Duplicates are
    /// resolved by <see cref="DuplicateResolution"/>; the loser is closed.
    /// </summary>
    private string? TryRegister(PeerConnection connection)
    {
        var id = connection.NodeId;
        PeerConnection? replaced = null;
        lock (_gate)
        {
            if (_closing)
            {
                return "this node is shutting down";
            }

            if (BanRemainingLocked(id) > 0)
            {
                return "this node has banned the peer";
            }

            if (_peers.TryGetValue(id, out var existing))
            {
                if (!DuplicateResolution.CandidateWins(NodeId, id, existing.Key, connection.Key))
                {
                    return $"duplicate connection; keeping the one dialed by {existing.Key.Dialer.ToShortString()}";
                }

                replaced = existing;
            }
            else if (connection.Direction == PeerDirection.Inbound && !_persistentIds.Contains(id)
                && _peers.Values.Count(c => c.Direction == PeerDirection.Inbound && !_persistentIds.Contains(c.NodeId)) >= _options.MaxInboundPeers)
            {
                return $"this node already has {_options.MaxInboundPeers} inbound peers";
            }

            _peers[id] = connection;
            _snapshot = new Dictionary<Hash256, PeerConnection>(_peers);

            // Events are queued under the lock so their order is the order of the registry's changes.
            if (replaced is not null)
            {
                const string Reason = "replaced by a duplicate connection";
                Log.PeerDisconnected(_log, id, Reason);
                Post(() => PeerDisconnected?.Invoke(this, new PeerDisconnectedEventArgs(id, Reason)), nameof(PeerDisconnected));
            }

            var info = connection.Snapshot();
            Log.PeerConnected(_log, id, connection.Direction, connection.RemoteEndPoint);
            Post(() => PeerConnected?.Invoke(this, new PeerConnectedEventArgs(info)), nameof(PeerConnected));
        }

        replaced?.Close("replaced by a duplicate connection");
        _tasks.Track(connection.RunAsync());
        return null;
    }

    private void OnConnectionClosed(PeerConnection connection)
    {
        Interlocked.Decrement(ref _openSockets);
        lock (_gate)
        {
            if (!_peers.TryGetValue(connection.NodeId, out var current) || current != connection)
            {
                return; // replaced earlier; its disconnection was reported then
            }

            _peers.Remove(connection.NodeId);
            _snapshot = new Dictionary<Hash256, PeerConnection>(_peers);
            var id = connection.NodeId;
            var reason = connection.CloseReason;
            Log.PeerDisconnected(_log, id, reason);
            Post(() => PeerDisconnected?.Invoke(this, new PeerDisconnectedEventArgs(id, reason)), nameof(PeerDisconnected));
        }
    }

    private void Post(Action raise, string name) =>
        _events.Writer.TryWrite(() =>
        {
            try
            {
                raise();
            }
            catch (Exception e)
            {
                Log.HandlerFailed(_log, name, e);
            }
        });

    private async Task DispatchEventsAsync()
    {
        await foreach (var raise in _events.Reader.ReadAllAsync())
        {
            raise();
        }
    }
}
