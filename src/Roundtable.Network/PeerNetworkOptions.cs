using System.Net;
using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Network;

/// <summary>Configuration of a <see cref="PeerNetwork"/>. Defaults suit a small permissioned network.</summary>
public sealed record PeerNetworkOptions
{
    /// <summary>Default <see cref="MaxFrameBytes"/>: 4 MiB.</summary>
    public const int DefaultMaxFrameBytes = 4 * 1024 * 1024;

    /// <summary>Longest accepted <see cref="ChainId"/> in UTF-8 bytes.</summary>
    public const int MaxChainIdBytes = 128;

    /// <summary>Address and port to listen on; port 0 picks a free port (see <see cref="PeerNetwork.LocalEndPoint"/>).</summary>
    public required IPEndPoint Listen { get; init; }

    /// <summary>The chain both ends of a connection must be on; compared byte for byte in the hello.</summary>
    public required string ChainId { get; init; }

    /// <summary>Peers to dial at start and to redial, with backoff, whenever they are not connected.</summary>
    public IReadOnlyList<PeerAddress> PersistentPeers { get; init; } = [];

    /// <summary>
    /// When set, only these node ids (and those of <see cref="PersistentPeers"/>) may connect
    /// inbound: the permissioned mode. When null, any node that proves its key may connect.
    /// </summary>
    public IReadOnlySet<Hash256>? AllowedPeers { get; init; }

    /// <summary>
    /// Largest frame accepted or sent: the length field's value, which counts the type byte and the
    /// payload. A peer announcing a larger frame is disconnected before anything is allocated.
    /// </summary>
    public int MaxFrameBytes { get; init; } = DefaultMaxFrameBytes;

    /// <summary>
    /// Capacity, in messages, of <see cref="PeerNetwork.Inbound"/>. When it is full, connections stop
    /// reading until the application takes messages (backpressure through TCP to the senders); the
    /// waiting connections are served first come, first served, so one busy peer cannot starve others.
    /// </summary>
    public int InboundQueueCapacity { get; init; } = 4096;

    /// <summary>
    /// Capacity, in messages, of each peer's send queue. When it is full the new message is dropped
    /// (<see cref="PeerNetwork.Send"/> returns false; counted in <see cref="PeerInfo.MessagesDropped"/>)
    /// and the peer stays connected: consensus messages are gossiped again.
    /// </summary>
    public int OutboundQueueCapacityPerPeer { get; init; } = 1024;

    /// <summary>
    /// Bytes that may wait in each peer's send queue; past this, messages are dropped as when the queue
    /// is full. A message is always accepted into an empty queue, so this never blocks large frames.
    /// </summary>
    public long OutboundQueueBytesPerPeer { get; init; } = 16L * 1024 * 1024;

    /// <summary>First delay before redialing a persistent peer; doubles on every failure.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between redials of a persistent peer.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed for TCP connect, TLS and the hello exchange together.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A ping is sent after this long without anything else to send.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A peer from which nothing (not even a ping) arrives for this long is disconnected.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A peer that accepts no bytes of a pending write for this long is disconnected.</summary>
    public TimeSpan WriteStallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Inbound connections still in TLS or hello at once; more are closed at accept.</summary>
    public int MaxPendingHandshakes { get; init; } = 64;

    /// <summary>Connected inbound peers at most, not counting <see cref="PersistentPeers"/>.</summary>
    public int MaxInboundPeers { get; init; } = 64;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Listen);
        if (string.IsNullOrEmpty(ChainId) || Encoding.UTF8.GetByteCount(ChainId) > MaxChainIdBytes)
        {
            throw new ArgumentException($"ChainId must be 1 to {MaxChainIdBytes} UTF-8 bytes.", nameof(ChainId));
        }

        ArgumentNullException.ThrowIfNull(PersistentPeers);
        if (PersistentPeers.Select(p => p.NodeId).Distinct().Count() != PersistentPeers.Count)
        {
            throw new ArgumentException("A node id appears twice in PersistentPeers.", nameof(PersistentPeers));
        }

        Positive(MaxFrameBytes, 16, nameof(MaxFrameBytes));
        Positive(InboundQueueCapacity, 1, nameof(InboundQueueCapacity));
        Positive(OutboundQueueCapacityPerPeer, 1, nameof(OutboundQueueCapacityPerPeer));
        ArgumentOutOfRangeException.ThrowIfLessThan(OutboundQueueBytesPerPeer, 1, nameof(OutboundQueueBytesPerPeer));
        Positive(MaxPendingHandshakes, 1, nameof(MaxPendingHandshakes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxInboundPeers, nameof(MaxInboundPeers));
        Duration(ReconnectInitialDelay, nameof(ReconnectInitialDelay));
        Duration(ReconnectMaxDelay, nameof(ReconnectMaxDelay));
        Duration(HandshakeTimeout, nameof(HandshakeTimeout));
        Duration(PingInterval, nameof(PingInterval));
        Duration(IdleTimeout, nameof(IdleTimeout));
        Duration(WriteStallTimeout, nameof(WriteStallTimeout));
        if (ReconnectMaxDelay < ReconnectInitialDelay)
        {
            throw new ArgumentException("ReconnectMaxDelay must not be shorter than ReconnectInitialDelay.", nameof(ReconnectMaxDelay));
        }

        if (IdleTimeout <= PingInterval)
        {
            throw new ArgumentException("IdleTimeout must be longer than PingInterval, or idle peers would be dropped.", nameof(IdleTimeout));
        }
    }

    private static void Positive(int value, int min, string name) => ArgumentOutOfRangeException.ThrowIfLessThan(value, min, name);

    private static void Duration(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive and under 24 days.");
        }
    }
}
