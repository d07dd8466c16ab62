using System.Diagnostics;
using System.Security.Cryptography;
using ARSoft.Tools.Net;
using Arsoft = ARSoft.Tools.Net.Dns;

namespace Roundtable.Dns.Tests;

/// <summary>Key tags, DS digests, key storage and the signed-data layout, against RFC 6605's example, ldns and ARSoft.Tools.Net.</summary>
public sealed class DnssecKeyTests
{
    /// <summary>RFC 6605 §6.1: the example P-256 key of example.net.</summary>
    private const string Rfc6605Dnskey = "257 3 13 GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA==";

    [Fact]
    public void The_rfc_6605_example_key_has_key_tag_55648_and_the_ds_ldns_computes()
    {
        var key = DnssecKey.Parse(Rfc6605Dnskey);
        Assert.Equal(55648, key.KeyTag);
        Assert.True(key.IsSecureEntryPoint);

        // ldns-key2ds -n -2 on this DNSKEY prints exactly this digest (and so does RFC 6605 §6.1).
        Assert.Equal("55648 13 2 b4c8c1fe2e7477127b27115656ad6256f424625bf5c1e2770ce6d6e37df61d17", key.ToDsRdataText("example.net."));
        Assert.Equal("example.net. 3600 IN DS 55648 13 2 b4c8c1fe2e7477127b27115656ad6256f424625bf5c1e2770ce6d6e37df61d17", key.ToDsText("example.net."));
        Assert.Equal($"example.net. 3600 IN DNSKEY {Rfc6605Dnskey}", key.ToDnskeyText("example.net."));
    }

    [Fact]
    public void A_stored_key_comes_back_the_same_from_pkcs8_and_from_its_scalar()
    {
        using var key = DnssecSigningKey.Generate(DnssecKey.ZoneKeyFlags);
        using var fromPkcs8 = DnssecSigningKey.ImportPkcs8(key.ExportPkcs8(), DnssecKey.ZoneKeyFlags);
        using var fromScalar = DnssecSigningKey.ImportPrivateScalar(key.ExportPrivateScalar(), DnssecKey.ZoneKeyFlags);
        Assert.Equal(key.PublicKey, fromPkcs8.PublicKey);
        Assert.Equal(key.PublicKey, fromScalar.PublicKey);
        Assert.Equal(256, key.PublicKey.Flags);
        Assert.Equal(32, key.ExportPrivateScalar().Length);
    }

    [Fact]
    public void A_pkcs8_key_of_another_curve_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.ThrowsAny<CryptographicException>(() => DnssecSigningKey.ImportPkcs8(p384.ExportPkcs8PrivateKey()));
    }

    [Theory]
    [InlineData((ushort)255)]
    [InlineData((ushort)385)]
    public void Flags_other_than_256_and_257_are_refused(ushort flags)
    {
        using var key = DnssecSigningKey.Generate();
        Assert.Throws<ArgumentException>(() => new DnssecKey(flags, key.PublicKey.PublicKey));
    }

    [Fact]
    public void A_point_off_the_curve_is_refused()
    {
        var bytes = new byte[DnssecKey.PublicKeyLength];
        bytes[0] = 1;
        Assert.Throws<ArgumentException>(() => new DnssecKey(257, bytes));
    }

    [Fact]
    public void Arsoft_and_ldns_compute_the_same_key_tag_and_ds_for_generated_keys()
    {
        for (var i = 0; i < 5; i++)
        {
            using var signing = DnssecSigningKey.Generate(i % 2 == 0 ? DnssecKey.SecureEntryPointFlags : DnssecKey.ZoneKeyFlags);
            var key = signing.PublicKey;
            var arsoftKey = new Arsoft.DnsKeyRecord(DomainName.Parse("forum.internal"), Arsoft.RecordClass.INet, 3600, (Arsoft.DnsKeyFlags)key.Flags, 3, Arsoft.DnsSecAlgorithm.EcDsaP256Sha256, key.PublicKey.ToArray(), null);
            Assert.Equal(arsoftKey.CalculateKeyTag(), key.KeyTag);
            var arsoftDs = new Arsoft.DsRecord(arsoftKey, 3600, Arsoft.DnsSecDigestType.Sha256);
            Assert.Equal(arsoftDs.Digest, key.ComputeDsDigest("forum.internal."));
            if (key.IsSecureEntryPoint)
            {
                Assert.Equal(LdnsKey2Ds(key.ToDnskeyText("forum.internal.")), key.ToDsText("forum.internal."));
            }
        }
    }

    [Fact]
    public void The_rfc_6605_example_signature_verifies_over_our_signed_data()
    {
        // RFC 6605 §6.1: www.example.net. 3600 A 192.0.2.1, signed 20100812100439 to 20100909100439 by key 55648.
        var owner = DnsName.Parse("www.example.net.");
        var set = new RRset(owner, RecordType.A, 3600, [new Rdata([192, 0, 2, 1], [], [], compressible: false)]);
        var window = new SignatureWindow(
            (uint)new DateTimeOffset(2010, 8, 12, 10, 4, 39, TimeSpan.Zero).ToUnixTimeSeconds(),
            (uint)new DateTimeOffset(2010, 9, 9, 10, 4, 39, TimeSpan.Zero).ToUnixTimeSeconds());
        byte[] data = [.. SignedData.RrsigHead(set, 55648, window), .. DnsName.Parse("example.net.").Wire, .. SignedData.CanonicalRRset(set)];
        var signature = Convert.FromBase64String("qx6wLYqmh+l9oCKTN6qIc+bw6ya+KJ8oMz0YP107epXAyGmt+3SNruPFKG7tZoLBLlUzGGus7ZwmwWep666VCw==");
        var key = DnssecKey.Parse(Rfc6605Dnskey);
        using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key.PublicKey[..32].ToArray(), Y = key.PublicKey[32..].ToArray() } });
        Assert.True(ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void The_weekly_window_is_the_same_all_week_and_leaves_two_weeks_of_validity()
    {
        const long monday = 1_700_000_000;
        var window = SignatureWindow.Weekly(monday);
        var weekStart = monday - (monday % SignatureWindow.Week);
        Assert.Equal(window, SignatureWindow.Weekly(weekStart));
        Assert.Equal(window, SignatureWindow.Weekly(weekStart + SignatureWindow.Week - 1));
        Assert.NotEqual(window, SignatureWindow.Weekly(weekStart + SignatureWindow.Week));
        Assert.True(window.Inception < weekStart);
        Assert.True(window.Expiration - (weekStart + SignatureWindow.Week) >= 2 * SignatureWindow.Week);
    }

    private static string LdnsKey2Ds(string dnskeyText)
    {
        var directory = Directory.CreateTempSubdirectory("roundtable-key2ds-").FullName;
        try
        {
            var file = Path.Combine(directory, "K.key");
            File.WriteAllText(file, dnskeyText + "\n");
            var start = new ProcessStartInfo("/usr/bin/ldns-key2ds") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-n", "-2", file })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return string.Join(' ', output.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
