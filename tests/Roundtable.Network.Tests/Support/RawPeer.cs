using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Roundtable.Core.Hashing;
using Roundtable.Network.Wire;

namespace Roundtable.Network.Tests.Support;

/// <summary>
/// A hand-driven peer for misbehaviour tests: it speaks TLS and frames directly, so it can send
/// what a <see cref="PeerNetwork"/> never would.
/// </summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly TcpClient _tcp;

    private RawPeer(TcpClient tcp, SslStream stream)
    {
        _tcp = tcp;
        Stream = stream;
    }

    public SslStream Stream { get; }

    /// <summary>TLS 1.3 to <paramref name="target"/>, presenting <paramref name="identity"/> (or no certificate).</summary>
    public static async Task<RawPeer> ConnectAsync(IPEndPoint target, NodeIdentity? identity)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(target);
        var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "roundtable-peer",
            EnabledSslProtocols = SslProtocols.Tls13,
            RemoteCertificateValidationCallback = (_, _, _, _) => true, // the tests target the server's checks
            AllowTlsResume = false,
        };
        if (identity is not null)
        {
            options.ClientCertificateContext = SslStreamCertificateContext.Create(identity.Certificate, null, offline: true);
        }

        await ssl.AuthenticateAsClientAsync(options);
        return new RawPeer(tcp, ssl);
    }

    /// <summary>Connects and completes a correct hello as <paramref name="identity"/>.</summary>
    public static async Task<RawPeer> HandshakeAsync(IPEndPoint target, NodeIdentity identity, string chainId = TestNode.ChainId)
    {
        var peer = await ConnectAsync(target, identity);
        await peer.SendHelloAsync(identity.NodeId, chainId);
        var reply = await peer.ReadFrameAsync();
        if (reply is not { Type: Frame.ControlType } frame || Control.CodeOf(frame.Payload) != Control.HelloCode)
        {
            throw new InvalidOperationException("The node did not answer with a hello.");
        }

        return peer;
    }

    public Task SendHelloAsync(Hash256 nodeId, string chainId = TestNode.ChainId, ulong version = PeerNetwork.ProtocolVersion) =>
        WriteAsync(Control.EncodeHelloFrame(new Hello(version, chainId, nodeId, 1, 42, 1)));

    public async Task WriteAsync(byte[] bytes)
    {
        await Stream.WriteAsync(bytes);
        await Stream.FlushAsync();
    }

    public async Task<RawFrame?> ReadFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        return await Frame.ReadAsync(Stream, new byte[Frame.HeaderSize], int.MaxValue, timeout.Token);
    }

    /// <summary>
    /// Reads until the node closes the connection; returns the goodbye reason if one came first.
    /// Fails the test if the connection is still open at the deadline.
    /// </summary>
    public async Task<string?> ReadUntilClosedAsync()
    {
        string? goodbye = null;
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        var header = new byte[Frame.HeaderSize];
        try
        {
            while (await Frame.ReadAsync(Stream, header, int.MaxValue, timeout.Token) is { } frame)
            {
                if (frame.Type == Frame.ControlType && Control.CodeOf(frame.Payload) == Control.GoodbyeCode)
                {
                    goodbye = Control.DecodeGoodbye(frame.Payload);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("The node did not close the connection.");
        }
        catch (Exception e) when (e is IOException or AuthenticationException or ObjectDisposedException)
        {
            // Closed, possibly abruptly.
        }

        return goodbye;
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        _tcp.Dispose();
    }
}
