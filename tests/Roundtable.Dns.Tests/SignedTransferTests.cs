using System.Diagnostics;
using System.Net;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// What a secondary receives of a signed zone is a valid signed zone: ldns-verify-zone accepts the
/// AXFR copy of one operator's zone beside another operator's key, and again after that operator
/// rolls to a new key (published first, then signing).
/// </summary>
public sealed class SignedTransferTests
{
    [Fact]
    public async Task An_axfr_copy_of_a_multi_signer_zone_verifies_with_ldns_before_and_after_one_operators_rollover()
    {
        using var first = DnssecSigningKey.Generate();
        using var next = DnssecSigningKey.Generate();
        using var other = DnssecSigningKey.Generate();
        var engine = new AnswerEngine(ZoneSet.Empty, new ZoneTransferOptions());
        await using var server = DnsServer.Start(engine, new DnsServerOptions { RateLimit = null });

        foreach (var (published, signingKey) in new (DnssecKey[] Published, DnssecSigningKey Signer)[] { ([first.PublicKey, other.PublicKey], first), ([first.PublicKey, next.PublicKey, other.PublicKey], next) })
        {
            var zone = SignedZones.Forum(published, new ZoneSigner([signingKey])).WithTransferPolicy(TestZones.LoopbackPolicy());
            engine.Publish(new ZoneSet([zone], 1));

            var copy = Transfer(server.EndPoint);
            var (exitCode, output) = LdnsVerify(copy);

            Assert.True(exitCode == 0, $"ldns-verify-zone refused the AXFR copy signed by key {signingKey.PublicKey.KeyTag}:\n{output}");
            Assert.Contains(copy, l => l.Contains("\tRRSIG\tSOA 13 ", StringComparison.Ordinal) && l.Contains($" {signingKey.PublicKey.KeyTag} forum.internal. ", StringComparison.Ordinal));
            Assert.Equal(published.Length, copy.Count(l => l.Contains("\tDNSKEY\t", StringComparison.Ordinal)));
        }
    }

    /// <summary>The zone as dig receives it by TSIG-signed AXFR: one SOA, no TSIG lines, one record per line.</summary>
    private static string[] Transfer(IPEndPoint server)
    {
        var output = Run("/usr/bin/dig", "@" + server.Address, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", "hmac-sha256:" + TestZones.TransferKey.Name + ":" + TestZones.TransferSecret, "+onesoa", "+nocmd", "+nocomments", "+nostats", "+tries=1", "+time=5", "forum.internal.", "AXFR").Output;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith(';') && !l.Contains("\tTSIG\t", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length > 10, "the transfer gave nearly nothing:\n" + output);
        return lines;
    }

    private static (int ExitCode, string Output) LdnsVerify(string[] zone)
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
            Assert.Fail($"{program} did not finish");
        }

        return (process.ExitCode, output.Result + error);
    }
}
