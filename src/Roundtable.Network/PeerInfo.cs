using System.Net;
using Roundtable.Core.Hashing;

namespace Roundtable.Network;

/// <summary>Who opened a connection.</summary>
public enum PeerDirection
{
    /// <summary>The remote node dialed this node.</summary>
    Inbound,

    /// <summary>This node dialed the remote node.</summary>
    Outbound,
}

/// <summary>A snapshot of one connected peer.</summary>
/// <param name="NodeId">The peer's authenticated node id.</param>
/// <param name="RemoteEndPoint">The peer's end of the TCP connection.</param>
/// <param name="LocalEndPoint">This node's end of the TCP connection.</param>
/// <param name="Direction">Who dialed.</param>
/// <param name="ListenPort">The port the peer says it listens on (from its hello).</param>
/// <param name="ConnectedSince">When the handshake completed (UTC).</param>
/// <param name="BytesIn">Bytes of frames received, headers included, TLS overhead excluded.</param>
/// <param name="BytesOut">Bytes of frames sent, headers included, TLS overhead excluded.</param>
/// <param name="MessagesDropped">Messages refused because this peer's outbound queue was full.</param>
public sealed record PeerInfo(
    Hash256 NodeId,
    IPEndPoint RemoteEndPoint,
    IPEndPoint LocalEndPoint,
    PeerDirection Direction,
    int ListenPort,
    DateTimeOffset ConnectedSince,
    long BytesIn,
    long BytesOut,
    long MessagesDropped);
