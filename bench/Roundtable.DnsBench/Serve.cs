using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Roundtable.Dns;

namespace Roundtable.DnsBench;

/// <summary>
/// Serves the benchmark zone with Roundtable.Dns on 127.0.0.1 as a node would (rate limiting off,
/// as Knot and NSD run here without RRL), prints "ready" when the socket is bound, and stops on
/// SIGTERM or SIGINT (or, with --until-stdin-closed, when stdin reaches its end).
/// </summary>
internal static class Serve
{
    public static async Task<int> RunAsync(string zonePath, int port, int workers, int udpBatch, bool untilStdinClosed)
    {
        var build = Stopwatch.StartNew();
        var zone = BenchZone.Read(zonePath);
        build.Stop();

        // The records read from the file are garbage now; a node reaches this state after its first
        // collections anyway, and the memory figure is meant to show what the zone costs.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var engine = new AnswerEngine(new ZoneSet([zone]));
        var options = new DnsServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, port), RateLimit = null, UdpWorkers = workers, UdpBatchSize = udpBatch };
        var server = DnsServer.Start(engine, options);
        var stopFailed = false;
        try
        {
            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stopping);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stopping);
            if (untilStdinClosed)
            {
                _ = Task.Run(async () =>
                {
                    await Console.In.ReadToEndAsync().ConfigureAwait(false);
                    stop.TrySetResult();
                });
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ready {server.EndPoint} pid {Environment.ProcessId}: {zone.NameCount:N0} names built in {build.Elapsed.TotalSeconds:F2} s, {workers} UDP workers, UDP batch {udpBatch}, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB"));
            await stop.Task.ConfigureAwait(false);

            void Stopping(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.TrySetResult();
            }
        }
        finally
        {
            try
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // DisposeAsync must not throw (it once did, a NullReferenceException from the old
                // async UDP loop racing the socket's Dispose); bench/dns.sh reports it if it does.
                Console.Error.WriteLine($"DnsServer.DisposeAsync threw: {e}");
                stopFailed = true;
            }
        }

        Console.WriteLine(stopFailed ? "stopped, with the error above" : "stopped");
        return stopFailed ? 1 : 0;
    }
}
