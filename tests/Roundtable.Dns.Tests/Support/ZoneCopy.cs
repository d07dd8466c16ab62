using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Roundtable.Dns.Tests.Support;

/// <summary>A zone as a secondary receives it (dig, TSIG-signed AXFR) and ldns-verify-zone's verdict on it.</summary>
internal static class ZoneCopy
{
    /// <summary>The zone by AXFR: one SOA, no TSIG lines, one record per line.</summary>
    public static string[] Transfer(IPEndPoint server, string origin, string keyName, string secretBase64)
    {
        var output = Run("/usr/bin/dig", "@" + server.Address, "-p", server.Port.ToString(CultureInfo.InvariantCulture),
            "-y", "hmac-sha256:" + keyName + ":" + secretBase64, "+onesoa", "+nocmd", "+nocomments", "+nostats", "+tries=1", "+time=5", origin, "AXFR").Output;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith(';') && !l.Contains("\tTSIG\t", StringComparison.Ordinal)).ToArray();
        if (lines.Length < 3)
        {
            throw new InvalidOperationException("the transfer gave nearly nothing:\n" + output);
        }

        return lines;
    }

    /// <summary>Runs ldns-verify-zone on <paramref name="zone"/>: every signature, the NSEC chain and the DNSKEY set.</summary>
    public static (int ExitCode, string Output) Verify(string[] zone)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, zone);
            return Run("/usr/bin/ldns-verify-zone", "-V", "3", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int ExitCode, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException($"{program} did not finish");
        }

        return (process.ExitCode, output.Result + error);
    }
}
