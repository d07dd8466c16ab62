using System.Diagnostics;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>What a signed zone holds: checked whole by ldns-verify-zone, the NSEC chain and its bitmaps, the multi-signer key set, and the signature cache across rebuilds.</summary>
public sealed class ZoneSigningTests
{
    [Fact]
    public void Ldns_verify_zone_accepts_the_signed_zone_written_as_a_zone_file()
    {
        var (zone, key) = SignedZones.SignedAlone();
        using (key)
        {
            var (exitCode, output) = VerifyWithLdns(zone);
            Assert.True(exitCode == 0, output);
            Assert.Contains("Zone is verified and complete", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ldns_verify_zone_accepts_a_zone_signed_by_one_of_two_operators_with_separate_ksk_and_zsk()
    {
        using var ksk = DnssecSigningKey.Generate(DnssecKey.SecureEntryPointFlags);
        using var zsk = DnssecSigningKey.Generate(DnssecKey.ZoneKeyFlags);
        using var other = DnssecSigningKey.Generate();
        var zone = SignedZones.Forum([ksk.PublicKey, zsk.PublicKey, other.PublicKey], new ZoneSigner([ksk, zsk]));
        var (exitCode, output) = VerifyWithLdns(zone);
        Assert.True(exitCode == 0, output);

        var lines = ZoneFile(zone);
        Assert.Equal(3, lines.Count(l => l.Contains("\tDNSKEY\t", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Contains("\tRRSIG\tDNSKEY ", StringComparison.Ordinal) && l.Contains($" {ksk.PublicKey.KeyTag} forum.internal. ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains($" {other.PublicKey.KeyTag} forum.internal. ", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.Contains("\tRRSIG\t", StringComparison.Ordinal) && !l.Contains("\tRRSIG\tDNSKEY ", StringComparison.Ordinal)), l => Assert.Contains($" {zsk.PublicKey.KeyTag} forum.internal. ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void The_nsec_chain_runs_in_canonical_order_over_names_with_data_and_delegations_only()
    {
        var (zone, key) = SignedZones.SignedAlone();
        using (key)
        {
            var nsec = ZoneFile(zone).Where(l => l.Contains("\tNSEC\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToList();
            string[] expected =
            [
                "forum.internal.", "alias.forum.internal.", "big.forum.internal.", "chain.forum.internal.", "*.cn.forum.internal.",
                "dangling.forum.internal.", "deep.ent.here.forum.internal.", "mail.forum.internal.",
                .. Enumerable.Range(1, 8).Select(i => $"n{i}.forum.internal."),
                "ns1.forum.internal.", "sub.forum.internal.", "unsigned.forum.internal.", "*.wild.forum.internal.", "www.forum.internal.",
            ];
            Assert.Equal(expected, nsec.Select(f => f[0]));
            Assert.Equal([.. expected.Skip(1), expected[0]], nsec.Select(f => f[4].Split(' ')[0]));
            Assert.Equal("alias.forum.internal. NS SOA MX TXT RRSIG NSEC DNSKEY", Nsec(nsec, "forum.internal."));
            Assert.Equal("unsigned.forum.internal. NS DS RRSIG NSEC", Nsec(nsec, "sub.forum.internal."));
            Assert.Equal("*.wild.forum.internal. NS RRSIG NSEC", Nsec(nsec, "unsigned.forum.internal."));
            Assert.Equal(300u, uint.Parse(nsec[0][1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Delegation_ns_and_glue_are_not_signed_but_ds_is()
    {
        var (zone, key) = SignedZones.SignedAlone();
        using (key)
        {
            var signed = ZoneFile(zone).Where(l => l.Contains("\tRRSIG\t", StringComparison.Ordinal)).Select(l => (Owner: l.Split('\t')[0], Covered: l.Split('\t')[4].Split(' ')[0])).ToList();
            Assert.Contains(("sub.forum.internal.", "DS"), signed);
            Assert.DoesNotContain(("sub.forum.internal.", "NS"), signed);
            Assert.DoesNotContain(signed, s => s.Owner is "ns.sub.forum.internal." or "ns.unsigned.forum.internal.");
            Assert.Contains(("ns1.forum.internal.", "A"), signed);
            Assert.Contains(("forum.internal.", "NS"), signed);
            Assert.Contains(("*.wild.forum.internal.", "A"), signed);
        }
    }

    [Fact]
    public void A_rebuild_after_one_name_changes_makes_one_new_signature_and_keeps_the_others()
    {
        using var key = DnssecSigningKey.Generate();
        var signer = new ZoneSigner([key]);
        var window = SignedZones.CurrentWindow();
        var first = SignedZones.Forum([key.PublicKey], signer, window);
        var signaturesOfFirst = signer.SignaturesMadeByLastBuild;
        Assert.Equal(signaturesOfFirst, signer.CachedSignatures);

        SignedZones.Forum([key.PublicKey], signer, window);
        Assert.Equal(0, signer.SignaturesMadeByLastBuild);

        var changed = SignedZones.Forum([key.PublicKey], signer, window, wwwAddress: "192.0.2.11");
        Assert.Equal(1, signer.SignaturesMadeByLastBuild);
        Assert.Equal(signaturesOfFirst, signer.CachedSignatures);
        var firstLines = ZoneFile(first);
        var changedLines = ZoneFile(changed);
        Assert.Equal(2, firstLines.Except(changedLines).Count());

        // A new window signs everything again: signatures are only reused for the same signed data.
        SignedZones.Forum([key.PublicKey], signer, new SignatureWindow(window.Inception + 1, window.Expiration));
        Assert.Equal(signaturesOfFirst, signer.SignaturesMadeByLastBuild);
    }

    [Fact]
    public void A_signing_key_missing_from_the_published_set_is_refused()
    {
        using var published = DnssecSigningKey.Generate();
        using var unpublished = DnssecSigningKey.Generate();
        var e = Assert.Throws<DnsZoneException>(() => SignedZones.Forum([published.PublicKey], new ZoneSigner([unpublished])));
        Assert.Contains("not in the published DNSKEY set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expiration_not_after_inception_is_refused()
    {
        using var key = DnssecSigningKey.Generate();
        Assert.Throws<DnsZoneException>(() => SignedZones.Forum([key.PublicKey], new ZoneSigner([key]), new SignatureWindow(100, 100)));
    }

    [Fact]
    public void Records_of_dnssec_types_cannot_be_given_as_zone_data()
    {
        using var key = DnssecSigningKey.Generate();
        var e = Assert.Throws<DnsZoneException>(() => DnsZone.Create("forum.internal.", SignedZones.Soa, SignedZones.NameServers, [new("x", RecordType.DNSKEY, 60, key.PublicKey.ToDnskeyRdataText())]));
        Assert.Contains("cannot be zone data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsigned_zone_file_has_no_dnssec_records()
    {
        var lines = ZoneFile(TestZones.Forum());
        Assert.StartsWith("forum.internal.\t3600\tIN\tSOA\tns1.forum.internal. hostmaster.forum.internal. 42 ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("\tRRSIG\t", StringComparison.Ordinal) || l.Contains("\tNSEC\t", StringComparison.Ordinal));
        Assert.Contains("_443._tcp.www.forum.internal.\t900\tIN\tTLSA\t3 1 1 " + TestZones.TlsaHash, lines);
        Assert.Contains("forum.internal.\t600\tIN\tCAA\t0 issue \"letsencrypt.org\"", lines);
    }

    internal static string[] ZoneFile(DnsZone zone)
    {
        using var text = new StringWriter();
        zone.WriteZoneFile(text);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Nsec(List<string[]> nsec, string owner) => nsec.Single(f => f[0] == owner)[4];

    private static (int ExitCode, string Output) VerifyWithLdns(DnsZone zone)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ZoneFile(zone));
            var start = new ProcessStartInfo("/usr/bin/ldns-verify-zone") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-V");
            start.ArgumentList.Add("3");
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
