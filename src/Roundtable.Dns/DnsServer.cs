using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Roundtable.Dns;

/// <summary>
/// The authoritative DNS server: UDP (dedicated worker threads, see <see cref="UdpListener"/>) and
/// TCP (2-byte length framing, RFC 1035 §4.2.2) on one port, answering through an
/// <see cref="AnswerEngine"/>. Bad input never stops it: the engine answers FORMERR or drops, and a
/// failing connection is closed alone. Zone transfer requests (AXFR/IXFR) go to
/// <see cref="AnswerEngine.Transfer"/> with the client's address, several messages on one TCP
/// connection; NOTIFY goes out for every zone a publish changes. Dispose to stop.
/// </summary>
public sealed class DnsServer : IAsyncDisposable
{
    private readonly AnswerEngine engine;
    private readonly DnsServerOptions options;
    private readonly Socket tcp;
    private readonly ResponseRateLimiter? limiter;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim connectionSlots;
    private readonly ConcurrentDictionary<Task, bool> connections = new();
    private readonly List<Task> loops = [];
    private readonly NotifySender notifier;
    private readonly UdpListener udp;

    private DnsServer(AnswerEngine engine, DnsServerOptions options, Socket[] udpSockets, Socket tcp)
    {
        this.engine = engine;
        this.options = options;
        this.tcp = tcp;
        connectionSlots = new SemaphoreSlim(options.MaxTcpConnections, options.MaxTcpConnections);
        limiter = options.RateLimit is { } rate ? new ResponseRateLimiter(rate, options.TimeProvider) : null;
        udp = UdpListener.Start(udpSockets, options.UdpWorkers, engine, limiter, options.MaxUdpQueryBytes, options.UdpBatchSize);
        EndPoint = udp.LocalEndPoint;
        notifier = new NotifySender(EndPoint.Address, engine.TransferOptions);
    }

    /// <summary>The bound address and port (UDP and TCP share it).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The engine answering queries; publish new zone sets through it.</summary>
    public AnswerEngine Engine => engine;

    /// <summary>Binds UDP and TCP and starts serving.</summary>
    /// <exception cref="SocketException">The endpoint cannot be bound.</exception>
    public static DnsServer Start(AnswerEngine engine, DnsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTcpConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.UdpWorkers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.UdpBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.UdpBatchSize, 1024);
        var (udp, tcp) = Bind(options.EndPoint, options.UdpWorkers);
        var server = new DnsServer(engine, options, udp, tcp);
        server.loops.Add(Task.Run(server.AcceptTcpAsync));
        engine.SerialsChanged += server.notifier.Notify;
        return server;
    }

    /// <summary>
    /// Stops listening, closes open connections and waits for every loop to end: the UDP worker
    /// threads are woken from their blocking receive and joined before their sockets are disposed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        engine.SerialsChanged -= notifier.Notify;
        await notifier.DisposeAsync().ConfigureAwait(false);
        tcp.Dispose();
        await udp.StopAsync().ConfigureAwait(false);
        await Task.WhenAll([.. loops, .. connections.Keys]).ConfigureAwait(false);
        stopping.Dispose();
        connectionSlots.Dispose();
    }

    private static (Socket[] Udp, Socket Tcp) Bind(IPEndPoint endPoint, int udpWorkers)
    {
        // With port 0, the first UDP socket picks the port and the other workers' sockets and TCP
        // must get the same one; another process may hold it for TCP, so try a few ports before
        // giving up.
        for (var attempt = 0; ; attempt++)
        {
            Socket[] udp;
            try
            {
                udp = UdpListener.Bind(endPoint, udpWorkers);
            }
            catch (SocketException) when (endPoint.Port == 0 && attempt < 10)
            {
                continue;
            }

            var tcp = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(endPoint.Address, ((IPEndPoint)udp[0].LocalEndPoint!).Port));
                tcp.Listen(128);
                return (udp, tcp);
            }
            catch (SocketException) when (endPoint.Port == 0 && attempt < 10)
            {
                Dispose(udp, tcp);
            }
            catch
            {
                Dispose(udp, tcp);
                throw;
            }
        }

        static void Dispose(Socket[] udp, Socket tcp)
        {
            foreach (var socket in udp)
            {
                socket.Dispose();
            }

            tcp.Dispose();
        }
    }

    private async Task AcceptTcpAsync()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await tcp.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && token.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (!connectionSlots.Wait(0, CancellationToken.None))
            {
                // Full: closing at once is the cheapest answer and tells the client to go elsewhere.
                client.Dispose();
                continue;
            }

            var connection = ServeTcpAsync(client);
            connections[connection] = true;
            _ = connection.ContinueWith(
                finished =>
                {
                    connections.TryRemove(finished, out _);
                    connectionSlots.Release();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task ServeTcpAsync(Socket client)
    {
        await Task.Yield();
        var query = new byte[options.MaxTcpQueryBytes];
        var response = new byte[AnswerEngine.ResponseBufferSize + 2];
        byte[]? transferBuffer = null;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        using var timer = options.TimeProvider.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), idle, options.TcpIdleTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            using (client)
            {
                while (true)
                {
                    if (!await ReadExactlyAsync(client, query.AsMemory(0, 2), idle.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    var length = BinaryPrimitives.ReadUInt16BigEndian(query);
                    if (length == 0 || length > query.Length || !await ReadExactlyAsync(client, query.AsMemory(0, length), idle.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    if (TransferRequest.IsTransfer(query.AsSpan(0, length)))
                    {
                        transferBuffer ??= new byte[AnswerEngine.ResponseBufferSize];
                        var address = ((IPEndPoint)client.RemoteEndPoint!).Address;
                        foreach (var message in engine.Transfer(query.AsMemory(0, length), address, overTcp: true, transferBuffer))
                        {
                            transferBuffer.AsSpan(0, message).CopyTo(response.AsSpan(2));
                            await SendFramedAsync(client, response, message, idle.Token).ConfigureAwait(false);
                            timer.Change(options.TcpIdleTimeout, Timeout.InfiniteTimeSpan);
                        }

                        continue;
                    }

                    var answer = engine.Answer(query.AsSpan(0, length), response.AsSpan(2), overTcp: true);
                    if (answer == 0)
                    {
                        continue;
                    }

                    await SendFramedAsync(client, response, answer, idle.Token).ConfigureAwait(false);

                    // A complete exchange resets the idle clock.
                    timer.Change(options.TcpIdleTimeout, Timeout.InfiniteTimeSpan);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Idle, stopped, or the client went away: this connection ends, nothing else does.
        }
    }

    /// <summary>Sends the message at offset 2 of <paramref name="framed"/> behind its 2-byte length.</summary>
    private static async Task SendFramedAsync(Socket client, byte[] framed, int length, CancellationToken token)
    {
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)length);
        await client.SendAsync(framed.AsMemory(0, length + 2), SocketFlags.None, token).ConfigureAwait(false);
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken token)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, token).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
