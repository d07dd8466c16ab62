using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Roundtable.Dns.Tests.Support;

/// <summary>
/// A real unbound (Debian package) as a validating resolver on a free loopback port: forum.internal.
/// is a stub zone served by the given servers, trusted through the given DS records and never
/// declared insecure. It can reach nothing but loopback: queries leave from 127.0.0.1 and its
/// root hints point at 127.0.0.1. Dispose stops the process it started and removes its directory.
/// </summary>
internal sealed class Unbound : IDisposable
{
    private readonly Process process;
    private readonly string directory;
    private readonly string configPath;
    private readonly StringBuilder log = new();

    private Unbound(Process process, string directory, string configPath, IPEndPoint endPoint)
    {
        this.process = process;
        this.directory = directory;
        this.configPath = configPath;
        EndPoint = endPoint;
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>What unbound logged (validation failures are at val-log-level 2).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts unbound with <paramref name="zone"/> as a stub zone of <paramref name="servers"/>, validated from <paramref name="trustAnchors"/> (DS records).</summary>
    public static Unbound Start(IEnumerable<IPEndPoint> servers, IEnumerable<string> trustAnchors, string zone = "forum.internal.")
    {
        var directory = Directory.CreateTempSubdirectory("roundtable-unbound-").FullName;
        var port = LoopbackPorts.FreeForBoth();
        File.WriteAllText(Path.Combine(directory, "root.hints"), ". 3600000 NS a.root.\na.root. 3600000 A 127.0.0.1\n");
        var config = new StringBuilder()
            .AppendLine("server:")
            .AppendLine("  do-daemonize: no")
            .AppendLine(CultureInfo.InvariantCulture, $"  interface: 127.0.0.1@{port}")
            .AppendLine("  outgoing-interface: 127.0.0.1")
            .AppendLine("  do-ip6: no")
            .AppendLine("  use-syslog: no")
            .AppendLine("  logfile: \"\"")
            .AppendLine("  verbosity: 1")
            .AppendLine("  val-log-level: 2")
            .AppendLine("  chroot: \"\"")
            .AppendLine("  username: \"\"")
            .AppendLine(CultureInfo.InvariantCulture, $"  directory: \"{directory}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"  pidfile: \"{Path.Combine(directory, "unbound.pid")}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"  root-hints: \"{Path.Combine(directory, "root.hints")}\"")
            .AppendLine("  module-config: \"validator iterator\"")
            // Our servers listen on loopback, which unbound refuses to query unless told otherwise.
            .AppendLine("  do-not-query-localhost: no")
            .AppendLine("  qname-minimisation: no")
            .AppendLine("  access-control: 127.0.0.0/8 allow");
        foreach (var anchor in trustAnchors)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"  trust-anchor: \"{anchor}\"");
        }

        // A local control socket (no certificates), for FlushZone.
        config.AppendLine("remote-control:")
            .AppendLine("  control-enable: yes")
            .AppendLine(CultureInfo.InvariantCulture, $"  control-interface: \"{Path.Combine(directory, "control.sock")}\"")
            .AppendLine("  control-use-cert: no");

        config.AppendLine("stub-zone:").AppendLine(CultureInfo.InvariantCulture, $"  name: \"{zone}\"");
        foreach (var server in servers)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"  stub-addr: {server.Address}@{server.Port}");
        }

        var configPath = Path.Combine(directory, "unbound.conf");
        File.WriteAllText(configPath, config.ToString());
        var start = new ProcessStartInfo("/usr/sbin/unbound") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-d");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(configPath);
        var unbound = new Unbound(Process.Start(start)!, directory, configPath, new IPEndPoint(IPAddress.Loopback, port));
        unbound.WaitUntilServing();
        return unbound;
    }

    /// <summary>Asks with DO set (as a validating stub would), without retries.</summary>
    public DigResult Query(string name, string type) => Dig.Query(EndPoint, "+dnssec", name, type);

    /// <summary>
    /// Drops everything unbound holds at or below <paramref name="zone"/>, validated keys included
    /// (<c>unbound-control flush_zone</c>): the state of a resolver once every TTL has run out,
    /// without waiting for them.
    /// </summary>
    public void FlushZone(string zone)
    {
        var start = new ProcessStartInfo("/usr/sbin/unbound-control") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-c", configPath, "flush_zone", zone })
        {
            start.ArgumentList.Add(argument);
        }

        using var control = Process.Start(start)!;
        var output = control.StandardOutput.ReadToEndAsync();
        var error = control.StandardError.ReadToEnd();
        if (!control.WaitForExit(10_000) || control.ExitCode != 0)
        {
            throw new InvalidOperationException($"unbound-control flush_zone {zone} failed: {output.Result}{error}");
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private void WaitUntilServing()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"unbound exited with {process.ExitCode}: {Log}");
            }

            if (Log.Contains("start of service", StringComparison.Ordinal))
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"unbound did not start: {Log}");
    }
}
