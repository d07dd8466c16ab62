using System.Diagnostics;
using System.Globalization;

namespace Roundtable.DnsBench;

/// <summary>
/// Signs the benchmark zone with ECDSA P-256 (algorithm 13, NSEC) and prints one line,
/// "signed N names in S s", the peer of Knot's signing in bench/dns.sh.
/// </summary>
internal static class Sign
{
    /// <summary>Exit code when this build of Roundtable.Dns has no zone signer; bench/dns.sh then leaves the row out.</summary>
    public const int NoSigner = 3;

    public static int Run(string zonePath)
    {
        var load = Stopwatch.StartNew();
        var zone = BenchZone.Read(zonePath);
        load.Stop();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"zone {zone.Origin}: {zone.NameCount:N0} names built in {load.Elapsed.TotalSeconds:F2} s"));

        // Roundtable.Dns does not sign zones yet (DNSSEC is being written on the dnssec branch). When
        // it does: generate the KSK/ZSK outside the timed part, then time the signing of `zone` alone
        // and print "signed {zone.NameCount} names in {seconds:F2} s".
        Console.Error.WriteLine("Roundtable.Dns has no zone signer in this build: no signing figure.");
        return NoSigner;
    }
}
