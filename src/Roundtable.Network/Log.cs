using System.Net;
using Microsoft.Extensions.Logging;
using Roundtable.Core.Hashing;

namespace Roundtable.Network;

/// <summary>The transport's log messages, one place for their levels and event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Peer network listening on {EndPoint} as node {NodeId}")]
    public static partial void Listening(ILogger logger, IPEndPoint endPoint, Hash256 nodeId);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Peer {NodeId} connected ({Direction}, {RemoteEndPoint})")]
    public static partial void PeerConnected(ILogger logger, Hash256 nodeId, PeerDirection direction, EndPoint remoteEndPoint);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Peer {NodeId} disconnected: {Reason}")]
    public static partial void PeerDisconnected(ILogger logger, Hash256 nodeId, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Handshake with {RemoteEndPoint} ({Direction}, node {NodeId}) failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, EndPoint? remoteEndPoint, PeerDirection direction, string nodeId, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Disconnecting peer {NodeId}: {Reason}")]
    public static partial void ProtocolViolation(ILogger logger, Hash256 nodeId, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Dial of {Address} failed: {Reason}")]
    public static partial void DialFailed(ILogger logger, PeerAddress address, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Refusing an inbound connection from {RemoteEndPoint}: {Reason}")]
    public static partial void InboundRefused(ILogger logger, EndPoint? remoteEndPoint, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Accepting a connection failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Unexpected error in the {Loop} loop")]
    public static partial void LoopFailed(ILogger logger, string loop, Exception exception);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Error, Message = "A {Event} event handler threw")]
    public static partial void HandlerFailed(ILogger logger, string @event, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Peer {NodeId} banned until {Until}")]
    public static partial void Banned(ILogger logger, Hash256 nodeId, DateTimeOffset until);
}
