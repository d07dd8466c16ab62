using System.Diagnostics;
using Roundtable.Dns.Tests.Support;
using Xunit.Abstractions;

namespace Roundtable.Dns.Tests;

/// <summary>
/// Signing a 100,000-name zone (one A record each) cold, then rebuilding it after one name
/// changes, with the same <see cref="ZoneSigner"/>. The times are printed and reported, not
/// asserted; what is asserted is that the rebuild signs only what changed.
/// </summary>
public sealed class SigningPerformanceTests(ITestOutputHelper output)
{
    private const int Names = 100_000;

    [Fact]
    public void A_rebuild_of_a_large_signed_zone_after_one_change_signs_only_that_name()
    {
        using var key = DnssecSigningKey.Generate();
        var signer = new ZoneSigner([key]);
        var window = SignatureWindow.Weekly(1_750_000_000);
        var records = Enumerable.Range(0, Names).Select(i => new ZoneRecord($"h{i}", RecordType.A, 300, $"10.{i >> 16}.{(i >> 8) & 0xFF}.{i & 0xFF}")).ToList();

        var unsigned = Stopwatch.StartNew();
        DnsZone.Create(SignedZones.Origin, SignedZones.Soa, SignedZones.NameServers, records);
        unsigned.Stop();

        var cold = Stopwatch.StartNew();
        var zone = Build(records, signer, window);
        cold.Stop();
        var coldSignatures = signer.SignaturesMadeByLastBuild;

        records[Names / 2] = records[Names / 2] with { Data = "192.0.2.1" };
        var warm = Stopwatch.StartNew();
        var rebuilt = Build(records, signer, window);
        warm.Stop();

        Assert.True(zone.IsSigned && rebuilt.IsSigned);
        // An A and an NSEC per name, plus the apex SOA, NS, DNSKEY and NSEC and the name server ns1 A and NSEC.
        Assert.Equal((2 * Names) + 6, coldSignatures);
        Assert.Equal(1, signer.SignaturesMadeByLastBuild);
        var line = $"DNSSEC: signing a {Names:N0}-name zone took {cold.Elapsed.TotalSeconds:F1} s cold ({coldSignatures:N0} signatures), {warm.Elapsed.TotalSeconds:F1} s to rebuild after one name changed ({signer.SignaturesMadeByLastBuild} new signature); the same zone unsigned builds in {unsigned.Elapsed.TotalSeconds:F1} s";
        output.WriteLine(line);
        TestContext.Report(line);
    }

    private static DnsZone Build(List<ZoneRecord> records, ZoneSigner signer, SignatureWindow window) =>
        DnsZone.Create(SignedZones.Origin, SignedZones.Soa, SignedZones.NameServers, records, new ZoneSigning(signer.Keys, signer, window));
}
