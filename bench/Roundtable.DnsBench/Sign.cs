using System.Diagnostics;
using System.Globalization;
using Roundtable.Dns;

namespace Roundtable.DnsBench;

/// <summary>
/// Signs the benchmark zone with ECDSA P-256 (algorithm 13, NSEC) and prints one line,
/// "signed N names in S s", the peer of Knot's signing in bench/dns.sh. The key is made outside
/// the timed part, and the unsigned build is timed apart, so the figure is the signing alone: the
/// time of the signed build minus the time of the same build unsigned. A second signed build with
/// the same signer shows what one block's rebuild costs when nothing changed (every signature reused).
/// </summary>
internal static class Sign
{
    public static int Run(string zonePath)
    {
        using var key = DnssecSigningKey.Generate();
        var signer = new ZoneSigner([key]);
        var signing = new ZoneSigning([key.PublicKey], signer, SignatureWindow.Weekly(1_780_000_000));

        var unsigned = Stopwatch.StartNew();
        var zone = BenchZone.Read(zonePath);
        unsigned.Stop();

        var cold = Stopwatch.StartNew();
        BenchZone.Read(zonePath, signing);
        cold.Stop();
        var made = signer.SignaturesMadeByLastBuild;

        var warm = Stopwatch.StartNew();
        BenchZone.Read(zonePath, signing);
        warm.Stop();

        var seconds = Math.Max(0, cold.Elapsed.TotalSeconds - unsigned.Elapsed.TotalSeconds);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"zone {zone.Origin}: {zone.NameCount:N0} names; unsigned build {unsigned.Elapsed.TotalSeconds:F2} s, signed build {cold.Elapsed.TotalSeconds:F2} s ({made:N0} signatures), rebuild with every signature reused {warm.Elapsed.TotalSeconds:F2} s ({signer.SignaturesMadeByLastBuild:N0} new)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signed {zone.NameCount} names in {seconds:F2} s"));
        return 0;
    }
}
