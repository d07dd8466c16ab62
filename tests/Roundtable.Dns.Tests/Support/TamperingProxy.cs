using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Roundtable.Dns.Tests.Support;

/// <summary>
/// A DNS man in the middle on loopback: forwards each UDP query and TCP message to the next
/// upstream in turn (round robin, so consecutive queries reach different operators) and passes
/// the response through <see cref="Alter"/> on its way back. Dispose stops both loops.
/// </summary>
internal sealed class TamperingProxy : IAsyncDisposable
{
    private readonly IPEndPoint[] upstreams;
    private readonly Socket udp;
    private readonly TcpListener tcp;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task udpLoop;
    private readonly Task tcpLoop;
    private readonly int[] forwarded;
    private int next;

    public TamperingProxy(params IPEndPoint[] upstreams)
    {
        this.upstreams = upstreams;
        forwarded = new int[upstreams.Length];
        (udp, tcp) = LoopbackPorts.BindBoth();
        EndPoint = (IPEndPoint)udp.LocalEndPoint!;
        udpLoop = Task.Run(ServeUdpAsync);
        tcpLoop = Task.Run(ServeTcpAsync);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Changes a response in place; the default leaves it as it is.</summary>
    public Action<byte[]> Alter { get; init; } = _ => { };

    /// <summary>Queries forwarded to each upstream, in the order the upstreams were given.</summary>
    public int[] Forwarded => [.. forwarded];

    /// <summary>Replaces the first occurrence of <paramref name="from"/> in <paramref name="message"/> with <paramref name="to"/>; returns whether it was there.</summary>
    public static bool Replace(byte[] message, byte[] from, byte[] to)
    {
        var at = message.AsSpan().IndexOf(from);
        if (at < 0)
        {
            return false;
        }

        to.CopyTo(message, at);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        udp.Dispose();
        tcp.Stop();
        await Task.WhenAll(udpLoop, tcpLoop);
        stopping.Dispose();
    }

    private IPEndPoint PickUpstream()
    {
        var index = (Interlocked.Increment(ref next) - 1) % upstreams.Length;
        Interlocked.Increment(ref forwarded[index]);
        return upstreams[index];
    }

    private async Task ServeUdpAsync()
    {
        var buffer = new byte[65535];
        while (!stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await udp.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var query = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            var client = received.RemoteEndPoint;
            _ = Task.Run(async () =>
            {
                using var upstream = new UdpClient(AddressFamily.InterNetwork);
                upstream.Connect(PickUpstream());
                await upstream.SendAsync(query);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                try
                {
                    var response = (await upstream.ReceiveAsync(timeout.Token)).Buffer;
                    Alter(response);
                    await udp.SendToAsync(response, client);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                }
            });
        }
    }

    private async Task ServeTcpAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await tcp.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        var stream = client.GetStream();
                        using var upstream = new TcpClient(AddressFamily.InterNetwork);
                        await upstream.ConnectAsync(PickUpstream(), stopping.Token);
                        var upstreamStream = upstream.GetStream();
                        while (await ReadMessageAsync(stream) is { } query)
                        {
                            await WriteMessageAsync(upstreamStream, query);
                            var response = await ReadMessageAsync(upstreamStream);
                            if (response is null)
                            {
                                return;
                            }

                            Alter(response);
                            await WriteMessageAsync(stream, response);
                        }
                    }
                    catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
                    {
                    }
                }
            });
        }
    }

    private async Task<byte[]?> ReadMessageAsync(NetworkStream stream)
    {
        var prefix = new byte[2];
        try
        {
            await stream.ReadExactlyAsync(prefix, stopping.Token);
            var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await stream.ReadExactlyAsync(message, stopping.Token);
            return message;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private async Task WriteMessageAsync(NetworkStream stream, byte[] message)
    {
        var prefix = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)message.Length);
        await stream.WriteAsync(prefix, stopping.Token);
        await stream.WriteAsync(message, stopping.Token);
    }
}
