using Roundtable.Application.Identities;
using Roundtable.Application.Parameters;
using Roundtable.Core.Encoding;

namespace Roundtable.Fuzz;

/// <summary>
/// The decoders of identities from trust services: the strict-DER certificate and CRL readers
/// (what any member can put in a transaction) and the chain parameters that name trust anchors.
/// Real certificates and a CRL made with OpenSSL are in fuzz/corpus/certificate and
/// fuzz/corpus/revocation-list; the generated seeds are small edge cases.
/// </summary>
internal static class IdentityTargets
{
    private const string NodeTests = "Roundtable.Node.Tests";
    private static readonly string RootCertificate = Path.Combine("fuzz", "corpus", "certificate", "root-ecdsa-p256.der");

    public static IEnumerable<FuzzTarget> Create() =>
    [
        DerTarget("certificate", RunCertificate, 8 * 1024),
        DerTarget("revocation-list", RunRevocationList, 64 * 1024),
        new()
        {
            Name = "certified-affiliation",
            TestProject = NodeTests,
            Seeds = AffiliationSeeds,
            Run = Targets.RunCanonical<CertifiedAffiliation>,
            IsExpected = static e => e is DecodeException,
        },
        new()
        {
            Name = "chain-parameters",
            TestProject = NodeTests,
            Seeds = ChainParameterSeeds,
            Run = Targets.RunCanonical<ChainParameters>,
            IsExpected = static e => e is DecodeException,
            Dictionary = DerDictionary(),
        },
    ];

    /// <summary>A target for a strict-DER reader whose refusals are <see cref="CertificateException"/>; real inputs come from its corpus folder.</summary>
    private static FuzzTarget DerTarget(string name, Func<byte[], string> run, int maxInputSize) => new()
    {
        Name = name,
        TestProject = NodeTests,
        Seeds = static _ => DerEdges(),
        Run = run,
        IsExpected = static e => e is CertificateException,
        Dictionary = DerDictionary(),
        MaxInputSize = maxInputSize,
    };

    /// <summary>Parses a certificate and, when it parses, validates it as its own root and leaf (reaching the signature code).</summary>
    private static string RunCertificate(byte[] input)
    {
        var certificate = DerCertificate.Parse(input);
        try
        {
            CertificatePath.Require(certificate, [certificate], certificate.NotBeforeMs);
            return "cert:self-valid";
        }
        catch (CertificateException)
        {
            return "cert:parsed";
        }
    }

    private static string RunRevocationList(byte[] input) =>
        "crl:" + Math.Min(DerRevocationList.Parse(input).RevokedSerials.Count, 8);

    private static IEnumerable<byte[]> AffiliationSeeds(int seed)
    {
        var digest = Core.Hashing.Hash256.Compute(BitConverter.GetBytes(seed));
        CertifiedAffiliation affiliation = new("university", "Université de Genève", digest, digest, [0x01, 0x07], 1_781_536_000_000, 7, 0, true);
        yield return Canonical.ToBytes(affiliation);
        yield return Canonical.ToBytes(affiliation with { Organisation = string.Empty, Serial = new byte[CertifiedAffiliation.MaxSerialBytes], RevokedAtHeight = ulong.MaxValue, VerifiedMember = false });
    }

    private static IEnumerable<byte[]> ChainParameterSeeds(int seed)
    {
        ChainParameters plain = new([new NamedEntry("civil-society", "Civil society"), new NamedEntry("government", "Government")], [new NamedEntry("europe", "Europe")], AdmissionRule.Attestation, 2, (ulong)seed);
        yield return Canonical.ToBytes(plain);
        yield return Canonical.ToBytes(plain with { PasskeyRelyingParties = ["localhost"] });
        if (File.Exists(RootCertificate))
        {
            var root = File.ReadAllBytes(RootCertificate);
            yield return Canonical.ToBytes(plain with { TrustAnchors = [new TrustAnchor("university", [], root)] });
            yield return Canonical.ToBytes(plain with { PasskeyRelyingParties = ["localhost"], TrustAnchors = [new TrustAnchor("a", ["government"], root), new TrustAnchor("b", ["civil-society", "government"], root)] });
        }
    }

    /// <summary>Tiny DER inputs at the edges: empty, an empty SEQUENCE, indefinite and long-form lengths.</summary>
    private static IEnumerable<byte[]> DerEdges() =>
    [
        [], [0x30, 0x00], [0x30, 0x80, 0x00, 0x00], [0x30, 0x81, 0x01, 0x05], [0x30, 0x03, 0x30, 0x01, 0x00],
    ];

    /// <summary>DER tokens worth splicing in: tags, length forms, the OIDs and times the readers look for.</summary>
    private static byte[][] DerDictionary() =>
    [
        [0x30], [0x31], [0xA0], [0xA3], [0x02, 0x01, 0x02], [0x01, 0x01, 0xFF], [0x01, 0x01, 0x00], [0x03, 0x02, 0x01, 0x06], [0x05, 0x00],
        [0x81], [0x82, 0xFF, 0xFF], [0x84, 0x7F, 0xFF, 0xFF, 0xFF], [0x80],
        [.. Convert.FromHexString("0603551D13")], [.. Convert.FromHexString("0603551D0F")], [.. Convert.FromHexString("0603551D1B")], [.. Convert.FromHexString("060355040A")],
        [.. Convert.FromHexString("300A06082A8648CE3D040302")], [.. Convert.FromHexString("300D06092A864886F70D01010B0500")],
        [.. "\u0017\r491231235959Z"u8], [.. "\u0017\r500101000000Z"u8], [.. "\u0018\u000f20491231235959Z"u8], [.. "\u0018\u001120491231235959.5Z"u8],
    ];
}
