using System.Net;
using Roundtable.Core.Hashing;

namespace Roundtable.Network;

/// <summary>A peer completed the handshake and can be sent to.</summary>
/// <param name="peer">The peer as it was when it connected.</param>
public sealed class PeerConnectedEventArgs(PeerInfo peer) : EventArgs
{
    /// <summary>The peer as it was when it connected.</summary>
    public PeerInfo Peer { get; } = peer;
}

/// <summary>A connected peer went away.</summary>
/// <param name="nodeId">The peer's node id.</param>
/// <param name="reason">Why, in words fit for a log.</param>
public sealed class PeerDisconnectedEventArgs(Hash256 nodeId, string reason) : EventArgs
{
    /// <summary>The peer's node id.</summary>
    public Hash256 NodeId { get; } = nodeId;

    /// <summary>Why, in words fit for a log.</summary>
    public string Reason { get; } = reason;
}

/// <summary>A connection was refused or failed before the handshake completed.</summary>
/// <param name="remoteEndPoint">The other end, when known.</param>
/// <param name="direction">Who dialed.</param>
/// <param name="nodeId">The remote node id: the pinned one when dialing, the presented one when known.</param>
/// <param name="reason">Why, in words fit for a log.</param>
public sealed class HandshakeFailedEventArgs(EndPoint? remoteEndPoint, PeerDirection direction, Hash256? nodeId, string reason) : EventArgs
{
    /// <summary>The other end, when known.</summary>
    public EndPoint? RemoteEndPoint { get; } = remoteEndPoint;

    /// <summary>Who dialed.</summary>
    public PeerDirection Direction { get; } = direction;

    /// <summary>The remote node id: the pinned one when dialing, the presented one when known.</summary>
    public Hash256? NodeId { get; } = nodeId;

    /// <summary>Why, in words fit for a log.</summary>
    public string Reason { get; } = reason;
}
