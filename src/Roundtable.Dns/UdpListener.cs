using System.Net;
using System.Net.Sockets;

namespace Roundtable.Dns;

/// <summary>
/// The UDP side of <see cref="DnsServer"/>: one dedicated thread per worker, blocking on its socket
/// with preallocated buffers, so a query costs no thread-pool hop, no epoll and no allocation. On
/// Linux a worker takes every datagram waiting, up to the batch size, with one <c>recvmmsg</c>
/// (blocking for the first only, so a lone query is not delayed), answers each, and sends all the
/// responses with one <c>sendmmsg</c> (<see cref="DatagramBatch"/>): under load two system calls
/// serve a whole batch instead of each query, as in Knot. Elsewhere, with a batch size of 1, or
/// without recvmmsg, it is one <c>recvfrom</c> and one <c>sendto</c> per query with a reused
/// <see cref="SocketAddress"/>. On Linux each worker has its own socket on the port
/// (<c>SO_REUSEPORT</c>: the kernel spreads clients over the sockets by address hash, as Knot and
/// NSD do); elsewhere the workers share one socket. The rate limiter is one object shared by all
/// workers, so a client prefix has one bucket whichever socket its datagrams reach.
/// </summary>
internal sealed class UdpListener
{
    private const int SolSocket = 1;
    private const int SoReusePort = 15;

    private readonly Socket[] sockets;
    private readonly Thread[] threads;
    private readonly TaskCompletionSource[] ended;
    private readonly AnswerEngine engine;
    private readonly ResponseRateLimiter? limiter;
    private readonly int maxQueryBytes;
    private readonly int batchSize;
    private volatile bool stopping;
    private int largestBatch;

    private UdpListener(Socket[] sockets, int workers, AnswerEngine engine, ResponseRateLimiter? limiter, int maxQueryBytes, int batchSize)
    {
        this.sockets = sockets;
        this.engine = engine;
        this.limiter = limiter;
        this.maxQueryBytes = maxQueryBytes;
        this.batchSize = batchSize;
        threads = new Thread[workers];
        ended = new TaskCompletionSource[workers];
        for (var i = 0; i < workers; i++)
        {
            ended[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            threads[i] = new Thread(Serve) { IsBackground = true, Name = $"dns-udp-{i}" };
        }
    }

    /// <summary>The most datagrams one receive call has taken so far (tests see batching happen).</summary>
    public int LargestBatch => Volatile.Read(ref largestBatch);

    /// <summary>The address the first socket is bound to (its port is the server's port).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)sockets[0].LocalEndPoint!;

    /// <summary>
    /// Binds the sockets of <paramref name="workers"/> workers: the first on
    /// <paramref name="endPoint"/> (port 0 picks a free one), the others on its port.
    /// </summary>
    /// <exception cref="SocketException">The endpoint cannot be bound.</exception>
    public static Socket[] Bind(IPEndPoint endPoint, int workers)
    {
        var sockets = new List<Socket>(workers);
        try
        {
            // The first socket binds without SO_REUSEPORT, so the bind is exclusive: a port that
            // anything holds fails as before, and port 0 cannot land in another process's (or
            // another server's) reuse-port group of the same user, which the kernel's free-port
            // search would otherwise allow. Setting the option after the bind lets our own workers'
            // sockets join it (Linux forms the group on the second bind).
            var first = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            sockets.Add(first);
            first.Bind(endPoint);
            if (workers == 1 || !OperatingSystem.IsLinux() || !TryReusePort(first))
            {
                return [.. sockets];
            }

            var shared = new IPEndPoint(endPoint.Address, ((IPEndPoint)first.LocalEndPoint!).Port);
            for (var i = 1; i < workers; i++)
            {
                var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                sockets.Add(socket);
                if (!TryReusePort(socket))
                {
                    // Cannot happen after the first succeeded; fall back to one shared socket.
                    socket.Dispose();
                    sockets.Remove(socket);
                    break;
                }

                socket.Bind(shared);
            }

            return [.. sockets];
        }
        catch
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Starts one thread per worker on the bound sockets (worker i on socket i mod count), each
    /// taking up to <paramref name="batchSize"/> datagrams per receive call on Linux.
    /// </summary>
    public static UdpListener Start(Socket[] sockets, int workers, AnswerEngine engine, ResponseRateLimiter? limiter, int maxQueryBytes, int batchSize)
    {
        var listener = new UdpListener(sockets, workers, engine, limiter, maxQueryBytes, batchSize);
        for (var i = 0; i < workers; i++)
        {
            listener.threads[i].Start(i);
        }

        return listener;
    }

    /// <summary>
    /// Stops every worker and closes the sockets: shutting a socket down wakes a thread blocked in
    /// its receive (it returns 0 bytes, or throws, and sees the stop flag); every thread is joined
    /// before the sockets are disposed. Never throws.
    /// </summary>
    public async Task StopAsync()
    {
        stopping = true;
        foreach (var socket in sockets)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Linux answers ENOTCONN for an unconnected UDP socket yet marks it shut down and
                // wakes its blocked receivers, which is all this is for.
            }
        }

        var all = Task.WhenAll(ended.Select(e => e.Task));
        try
        {
            await all.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A platform where shutdown does not wake a blocked receive: disposing does (below).
        }

        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        await all.ConfigureAwait(false);
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private static bool TryReusePort(Socket socket)
    {
        try
        {
            socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Serve(object? state)
    {
        var worker = (int)state!;
        var socket = sockets[worker % sockets.Length];
        try
        {
            if (batchSize > 1 && DatagramBatch.IsSupported)
            {
                ServeBatches(socket);
            }
            else
            {
                ServeOneByOne(socket);
            }
        }
        finally
        {
            ended[worker].TrySetResult();
        }
    }

    /// <summary>
    /// The Linux loop: one <c>recvmmsg</c> takes every datagram waiting (up to the batch size, never
    /// waiting for more than the first), each is answered as <see cref="ServeOneByOne"/> answers it,
    /// and one <c>sendmmsg</c> sends the responses, each to its own sender.
    /// </summary>
    private void ServeBatches(Socket socket)
    {
        var batch = new DatagramBatch(batchSize, maxQueryBytes, engine.UdpPayloadSize);
        var client = new SocketAddress(socket.AddressFamily);
        byte[]? transferBuffer = null;

        // Held for the loop's life: Dispose then cannot close the descriptor (and the number be
        // reused) under a call in progress; it waits for the release, and StopAsync's shutdown
        // wakes the blocked receive first.
        var handle = socket.SafeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            // Stopped and disposed before this thread first ran.
            return;
        }

        try
        {
            var fd = (int)handle.DangerousGetHandle();
            while (!stopping)
            {
                // -1 on an error (EINTR, say): as after a failed ReceiveFrom, the loop goes on.
                var count = batch.Receive(fd);
                if (stopping)
                {
                    // Shut down (one empty datagram), or datagrams that arrived as we stop: not answered.
                    return;
                }

                if (count > largestBatch)
                {
                    // Racy across workers, and only a diagnostic: a lost update understates it.
                    Volatile.Write(ref largestBatch, count);
                }

                for (var i = 0; i < count; i++)
                {
                    if (!batch.HasRoom)
                    {
                        batch.Send(fd);
                    }

                    var address = batch.Address(i);
                    if (!address.TryCopyTo(client.Buffer.Span))
                    {
                        // Not an address of the socket's family; the kernel gives no such thing.
                        continue;
                    }

                    client.Size = address.Length;
                    var response = batch.NextResponse;
                    var length = Respond(socket, batch.Query(i), client, response, ref transferBuffer);
                    if (length > 0)
                    {
                        batch.Add(i, length);
                    }
                }

                batch.Send(fd);
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// One <c>recvfrom</c> and one <c>sendto</c> per query: where there is no recvmmsg, or with a
    /// batch size of 1.
    /// </summary>
    private void ServeOneByOne(Socket socket)
    {
        var query = new byte[maxQueryBytes];
        var response = new byte[AnswerEngine.ResponseBufferSize];
        byte[]? transferBuffer = response;
        var client = new SocketAddress(socket.AddressFamily);
        while (!stopping)
        {
            try
            {
                var received = socket.ReceiveFrom(query, SocketFlags.None, client);
                if (stopping)
                {
                    // Shut down (0 bytes), or a datagram that arrived as we stop: not answered.
                    return;
                }

                var length = Respond(socket, query.AsMemory(0, received), client, response, ref transferBuffer);
                if (length > 0)
                {
                    socket.SendTo(response.AsSpan(0, length), SocketFlags.None, client);
                }
            }
            catch (Exception e) when (stopping && e is SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // One client's unreachable port (ICMP) or a failed send must not stop the worker.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A dedicated thread that throws takes the process down.
            }
        }
    }

    /// <summary>
    /// The response to one datagram from <paramref name="client"/>, written into
    /// <paramref name="response"/> (at least <see cref="AnswerEngine.ResponseBufferSize"/> bytes):
    /// its length, or 0 to send nothing (dropped by the engine or the rate limiter). A slip is the
    /// truncated response. Never throws: a datagram the engine fails on (it should not: it answers
    /// FORMERR or drops) is dropped alone, since a dedicated thread that throws takes the process
    /// down. <paramref name="transferBuffer"/> is where a transfer request's message is written
    /// (allocated on the first one, or the response's own array).
    /// </summary>
    private int Respond(Socket socket, ReadOnlyMemory<byte> query, SocketAddress client, Span<byte> response, ref byte[]? transferBuffer)
    {
        try
        {
            int length;
            if (TransferRequest.IsTransfer(query.Span))
            {
                transferBuffer ??= new byte[AnswerEngine.ResponseBufferSize];
                length = TransferOverUdp(socket, query, client, transferBuffer);
                transferBuffer.AsSpan(0, length).CopyTo(response);
            }
            else
            {
                length = engine.Answer(query.Span, response, overTcp: false);
            }

            if (length == 0)
            {
                return 0;
            }

            return (limiter?.Check(client) ?? RateDecision.Send) switch
            {
                RateDecision.Drop => 0,
                RateDecision.Slip => engine.Truncate(response, length),
                _ => length,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return 0;
        }
    }

    /// <summary>
    /// A transfer request over UDP is answered with one message (FORMERR for AXFR, the SOA for
    /// IXFR); reading the engine's sequence to its end lets it report the transfer. Rare, so the
    /// client's address may be allocated here.
    /// </summary>
    private int TransferOverUdp(Socket socket, ReadOnlyMemory<byte> query, SocketAddress client, byte[] response) =>
        engine.Transfer(query, ((IPEndPoint)socket.LocalEndPoint!.Create(client)).Address, overTcp: false, response).LastOrDefault();
}
