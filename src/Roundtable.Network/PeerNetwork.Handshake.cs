using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Roundtable.Core.Hashing;
using Roundtable.Network.Wire;

namespace Roundtable.Network;

/// <summary>Accepting, dialing and the handshake: TCP, TLS 1.3 with pinned keys, hello.</summary>
public sealed partial class PeerNetwork
{
    /// <summary>
    /// SNI name sent by dialers. Peers are identified by pinned keys, never by names; this only has to
    /// be a valid host name.
    /// </summary>
    private const string TlsTargetHost = "roundtable-peer";

    private static readonly TimeSpan AcceptErrorPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(1);

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                // For example too many open files: pause instead of spinning on the error.
                Log.AcceptFailed(_log, e);
                await DelayQuietly(AcceptErrorPause, cancellationToken);
                continue;
            }

            Interlocked.Increment(ref _openSockets);
            socket.NoDelay = true;
            if (Interlocked.Increment(ref _pendingHandshakes) > _options.MaxPendingHandshakes)
            {
                Interlocked.Decrement(ref _pendingHandshakes);
                Log.InboundRefused(_log, SafeRemoteEndPoint(socket), $"more than {_options.MaxPendingHandshakes} handshakes in progress");
                socket.Dispose();
                Interlocked.Decrement(ref _openSockets);
                continue;
            }

            _tasks.Track(Task.Run(
                async () =>
                {
                    try
                    {
                        await HandshakeAsync(socket, PeerDirection.Inbound, pinned: null, dialSequence: 0, cancellationToken);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _pendingHandshakes);
                    }
                },
                CancellationToken.None));
        }
    }

    /// <summary>Keeps one persistent peer connected: dial, wait for the connection to end, back off, redial.</summary>
    private async Task DialLoopAsync(PeerAddress address, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(_options.ReconnectInitialDelay, _options.ReconnectMaxDelay);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (Current(address.NodeId) is { } existing)
                {
                    // Connected, whoever dialed: wait for the connection to end, then redial after a pause.
                    // Only a connection that stayed up a while resets the backoff, so a peer that
                    // accepts and then drops us at once is redialed ever more slowly.
                    await existing.Completion.WaitAsync(cancellationToken);
                    if (DateTimeOffset.UtcNow - existing.ConnectedSince >= _options.ReconnectMaxDelay)
                    {
                        backoff.Reset();
                    }

                    await Task.Delay(backoff.Next(), cancellationToken);
                    continue;
                }

                var banned = BanRemaining(address.NodeId);
                if (banned > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(banned), cancellationToken);
                    continue;
                }

                if (await DialOnceAsync(address, cancellationToken) is not null)
                {
                    continue;
                }

                if (Current(address.NodeId) is null)
                {
                    await Task.Delay(backoff.Next(), cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.LoopFailed(_log, "dial", e);
                await DelayQuietly(backoff.Next(), cancellationToken);
            }
        }
    }

    /// <summary>One dial: TCP connect, then the handshake. The registered connection, or null.</summary>
    private async Task<PeerConnection?> DialOnceAsync(PeerAddress address, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Interlocked.Increment(ref _openSockets);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.HandshakeTimeout);
            await socket.ConnectAsync(address.Host, address.Port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException or IOException)
        {
            socket.Dispose();
            Interlocked.Decrement(ref _openSockets);
            if (!cancellationToken.IsCancellationRequested)
            {
                Log.DialFailed(_log, address, e is OperationCanceledException ? "connect timed out" : e.Message);
            }

            return null;
        }

        var sequence = (ulong)Interlocked.Increment(ref _dialSequence);
        return await HandshakeAsync(socket, PeerDirection.Outbound, address.NodeId, sequence, cancellationToken);
    }

    /// <summary>
    /// TLS 1.3 with mutual authentication and pinning, then the hello exchange, then registration.
    /// Owns <paramref name="socket"/>: on any failure it is closed and the failure logged and reported.
    /// Never throws.
    /// </summary>
    private async Task<PeerConnection?> HandshakeAsync(Socket socket, PeerDirection direction, Hash256? pinned, ulong dialSequence, CancellationToken cancellationToken)
    {
        var remoteEndPoint = SafeRemoteEndPoint(socket);
        var localEndPoint = SafeLocalEndPoint(socket);
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        Hash256? presented = null;
        string? certificateRefusal = null;
        var tellPeer = false;
        string failure;

        bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            // Chain of trust, names and validity are irrelevant: the key is the identity.
            var id = NodeIdentity.TryGetNodeId(certificate, out var why);
            if (id is null)
            {
                certificateRefusal = why;
                return false;
            }

            presented = id;
            certificateRefusal = direction == PeerDirection.Outbound ? CheckPinned(id.Value, pinned!.Value) : CheckInbound(id.Value);
            return certificateRefusal is null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.HandshakeTimeout);
        try
        {
            if (direction == PeerDirection.Outbound)
            {
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = TlsTargetHost,
                        ClientCertificateContext = _certificateContext,
                        EnabledSslProtocols = SslProtocols.Tls13,
                        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                        RemoteCertificateValidationCallback = ValidateCertificate,
                        AllowTlsResume = false, // every connection proves its key afresh
                    },
                    timeout.Token);
            }
            else
            {
                await ssl.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions
                    {
                        ServerCertificateContext = _certificateContext,
                        ClientCertificateRequired = true,
                        EnabledSslProtocols = SslProtocols.Tls13,
                        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                        RemoteCertificateValidationCallback = ValidateCertificate,
                        AllowTlsResume = false,
                    },
                    timeout.Token);
            }

            // Defence in depth: the callback must have run and accepted exactly this certificate.
            var remoteId = NodeIdentity.TryGetNodeId(ssl.RemoteCertificate, out var missing);
            if (ssl.SslProtocol != SslProtocols.Tls13 || remoteId is null || remoteId != presented)
            {
                throw new AuthenticationException(remoteId is null ? missing : "the peer's certificate was not the one verified");
            }

            tellPeer = true;
            var peer = await ExchangeHellosAsync(ssl, direction, dialSequence, remoteId.Value, timeout.Token);
            var connection = new PeerConnection(
                ssl,
                remoteId.Value,
                direction,
                remoteEndPoint ?? new IPEndPoint(IPAddress.None, 0),
                localEndPoint ?? new IPEndPoint(IPAddress.None, 0),
                peer.ListenPort,
                new ConnectionKey(
                    direction == PeerDirection.Outbound ? NodeId : remoteId.Value,
                    direction == PeerDirection.Outbound ? dialSequence : peer.DialSequence,
                    peer.Instance),
                _inbound.Writer,
                _options,
                _log,
                OnConnectionClosed);
            var refusal = TryRegister(connection);
            if (refusal is null)
            {
                return connection;
            }

            failure = refusal;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = "this node is shutting down";
        }
        catch (OperationCanceledException)
        {
            failure = $"the handshake took longer than {_options.HandshakeTimeout.TotalSeconds:0.###} s";
        }
        catch (HelloRefusal e)
        {
            failure = e.Reason;
            tellPeer = e.TellPeer;
        }
        catch (InvalidDataException e)
        {
            failure = "protocol violation: " + e.Message;
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
        {
            failure = certificateRefusal ?? (tellPeer ? "connection failed during the hello: " : "TLS handshake failed: ") + e.Message;
            tellPeer = false;
        }
        catch (Exception e)
        {
            Log.LoopFailed(_log, "handshake", e);
            failure = "internal error: " + e.Message;
        }

        if (tellPeer)
        {
            await TrySendGoodbyeAsync(ssl, failure);
        }

        try
        {
            await ssl.DisposeAsync();
        }
        catch (Exception e)
        {
            Log.LoopFailed(_log, "dispose", e);
        }

        Interlocked.Decrement(ref _openSockets);
        if (!cancellationToken.IsCancellationRequested)
        {
            var id = presented ?? pinned;
            Log.HandshakeFailed(_log, remoteEndPoint, direction, id?.ToString() ?? "unknown", failure);
            var args = new HandshakeFailedEventArgs(remoteEndPoint, direction, id, failure);
            Post(() => HandshakeFailed?.Invoke(this, args), nameof(HandshakeFailed));
        }

        return null;
    }

    /// <summary>Sends our hello, reads and checks theirs.</summary>
    /// <exception cref="HelloRefusal">The peer's hello is unacceptable, or the peer refused us.</exception>
    /// <exception cref="InvalidDataException">The first frame is not a well-formed hello.</exception>
    private async Task<Hello> ExchangeHellosAsync(SslStream ssl, PeerDirection direction, ulong dialSequence, Hash256 remoteId, CancellationToken cancellationToken)
    {
        var ours = new Hello(ProtocolVersion, _options.ChainId, NodeId, LocalEndPoint.Port, _instance, direction == PeerDirection.Outbound ? dialSequence : 0);
        await ssl.WriteAsync(Control.EncodeHelloFrame(ours), cancellationToken);

        var header = new byte[Frame.HeaderSize];
        if (await Frame.ReadAsync(ssl, header, Control.MaxHelloFrameBytes, cancellationToken) is not { } frame)
        {
            throw new HelloRefusal("the peer closed the connection before its hello", tellPeer: false);
        }

        if (frame.Type != Frame.ControlType)
        {
            throw new InvalidDataException($"the first frame has type {frame.Type}, not a hello");
        }

        if (Control.CodeOf(frame.Payload) == Control.GoodbyeCode)
        {
            throw new HelloRefusal("the peer refused the connection: " + Control.DecodeGoodbye(frame.Payload), tellPeer: false);
        }

        var theirs = Control.DecodeHello(frame.Payload);
        if (theirs.Version != ProtocolVersion)
        {
            throw new HelloRefusal($"protocol version {theirs.Version} is not supported (this node speaks {ProtocolVersion})", tellPeer: true);
        }

        if (!string.Equals(theirs.ChainId, _options.ChainId, StringComparison.Ordinal))
        {
            throw new HelloRefusal($"chain id mismatch: the peer is on '{Control.Printable(theirs.ChainId)}', this node on '{_options.ChainId}'", tellPeer: true);
        }

        if (theirs.NodeId != remoteId)
        {
            throw new HelloRefusal($"the hello claims node id {theirs.NodeId} but the TLS key is {remoteId}", tellPeer: true);
        }

        return theirs;
    }

    private static string? CheckPinned(Hash256 presented, Hash256 pinned) =>
        presented == pinned ? null : $"the peer presented node id {presented}, expected {pinned}";

    private string? CheckInbound(Hash256 id)
    {
        if (id == NodeId)
        {
            return "the peer presented this node's own key";
        }

        if (BanRemaining(id) > 0)
        {
            return $"node {id} is banned";
        }

        if (_options.AllowedPeers is { } allowed && !allowed.Contains(id) && !_persistentIds.Contains(id))
        {
            return $"node {id} is not in the allowed peer set";
        }

        return null;
    }

    private static async Task TrySendGoodbyeAsync(SslStream ssl, string reason)
    {
        using var timeout = new CancellationTokenSource(GoodbyeTimeout);
        try
        {
            await ssl.WriteAsync(Control.EncodeGoodbyeFrame(reason), timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or NotSupportedException or InvalidOperationException or AuthenticationException)
        {
            // Best effort.
        }
    }

    private static async Task DelayQuietly(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private static IPEndPoint? SafeRemoteEndPoint(Socket socket)
    {
        try
        {
            return Normalize(socket.RemoteEndPoint as IPEndPoint);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    private static IPEndPoint? SafeLocalEndPoint(Socket socket)
    {
        try
        {
            return Normalize(socket.LocalEndPoint as IPEndPoint);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Dual-mode sockets report IPv4 peers as ::ffff:a.b.c.d; report them as a.b.c.d.</summary>
    private static IPEndPoint? Normalize(IPEndPoint? endPoint) =>
        endPoint is { Address.IsIPv4MappedToIPv6: true } ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    /// <summary>A handshake refusal decided by this node or announced by the peer.</summary>
    private sealed class HelloRefusal(string reason, bool tellPeer) : Exception(reason)
    {
        public string Reason { get; } = reason;

        public bool TellPeer { get; } = tellPeer;
    }
}
