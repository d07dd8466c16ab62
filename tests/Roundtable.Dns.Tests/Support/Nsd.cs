using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Roundtable.Dns.Tests.Support;

/// <summary>
/// A real NSD (Debian package nsd) running in the foreground as a secondary of one zone on a free
/// loopback port, with its files in a temporary folder. Stopped with SIGTERM by its PID on dispose
/// (SIGKILL of its process tree if it does not stop), and the folder deleted.
/// </summary>
internal sealed class Nsd : IDisposable
{
    private readonly Process process;
    private readonly string folder;

    private Nsd(Process process, string folder, IPEndPoint endPoint)
    {
        this.process = process;
        this.folder = folder;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>NSD's log so far, for failure messages.</summary>
    public string Log => File.Exists(Path.Combine(folder, "nsd.log")) ? File.ReadAllText(Path.Combine(folder, "nsd.log")) : "(no log)";

    /// <summary>Starts NSD as secondary of <paramref name="zone"/>, transferring from <paramref name="primary"/> with <see cref="TestZones.TransferKey"/>.</summary>
    public static Nsd Start(string zone, IPEndPoint primary) =>
        Start(zone, primary, LoopbackPorts.FreeForBoth(), TestZones.TransferKey.Name.ToString(), TestZones.TransferSecret);

    /// <summary>Starts NSD on <paramref name="port"/> as secondary of <paramref name="zone"/>, transferring from <paramref name="primary"/> with TSIG key <paramref name="key"/> (secret in base64).</summary>
    public static Nsd Start(string zone, IPEndPoint primary, int port, string key, string secret)
    {
        var folder = Directory.CreateTempSubdirectory("roundtable-nsd-").FullName;
        var config = Path.Combine(folder, "nsd.conf");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"""
            server:
                ip-address: 127.0.0.1@{port}
                username: ""
                chroot: ""
                zonesdir: "{folder}"
                xfrdir: "{folder}"
                pidfile: "{folder}/nsd.pid"
                xfrdfile: "{folder}/xfrd.state"
                zonelistfile: "{folder}/zone.list"
                database: ""
                logfile: "{folder}/nsd.log"
                verbosity: 2
                server-count: 1
            remote-control:
                control-enable: no
            key:
                name: "{key}"
                algorithm: hmac-sha256
                secret: "{secret}"
            zone:
                name: "{zone}"
                request-xfr: {primary.Address}@{primary.Port} {key}
                allow-notify: {primary.Address} {key}

            """));
        var start = new ProcessStartInfo("/usr/sbin/nsd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-d", "-c", config })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Nsd(process, folder, new IPEndPoint(IPAddress.Loopback, port));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            term.WaitForExit();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
