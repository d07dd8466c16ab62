using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Roundtable.Dns;

namespace Roundtable.DnsBench;

/// <summary>
/// NOT the product: an experiment for the analysis in the DNS section of docs/benchmarks.md. The
/// same <see cref="AnswerEngine"/> behind another UDP loop: one dedicated thread per worker, each
/// with its own socket on the port (SO_REUSEPORT, as Knot and NSD do), blocking recvfrom/sendto.
/// No epoll, no thread-pool hop, two system calls per query. UDP only, no rate limiting.
/// </summary>
internal static class BlockingUdpPrototype
{
    public static int Run(string zonePath, int port, int workers)
    {
        var zone = BenchZone.Read(zonePath);
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var engine = new AnswerEngine(new ZoneSet([zone]));
        var stopping = false;
        var sockets = new List<Socket>();
        var threads = new List<Thread>();
        for (var i = 0; i < workers; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.SetRawSocketOption(1 /* SOL_SOCKET */, 15 /* SO_REUSEPORT */, BitConverter.GetBytes(1));
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.ReceiveTimeout = 500;
            sockets.Add(socket);
            var thread = new Thread(() => Loop(socket)) { IsBackground = true, Name = $"udp-{i}" };
            threads.Add(thread);
            thread.Start();
        }

        using var done = new ManualResetEventSlim();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ready 127.0.0.1:{port} pid {Environment.ProcessId}: {zone.NameCount:N0} names, {workers} blocking UDP threads (prototype, UDP only)"));
        done.Wait();
        Volatile.Write(ref stopping, true);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        Console.WriteLine("stopped");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            done.Set();
        }

        void Loop(Socket socket)
        {
            var query = new byte[4096];
            var response = new byte[AnswerEngine.ResponseBufferSize];
            var client = new SocketAddress(AddressFamily.InterNetwork);
            while (!Volatile.Read(ref stopping))
            {
                try
                {
                    var received = socket.ReceiveFrom(query, SocketFlags.None, client);
                    var length = engine.Answer(query.AsSpan(0, received), response, overTcp: false);
                    if (length > 0)
                    {
                        socket.SendTo(response.AsSpan(0, length), SocketFlags.None, client);
                    }
                }
                catch (SocketException)
                {
                    // Receive timeout (to see the stop flag) or one client's error.
                }
            }
        }
    }
}
