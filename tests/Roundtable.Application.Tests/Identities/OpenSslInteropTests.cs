using System.Text;
using Roundtable.Application.Execution;
using Roundtable.Application.Identities;
using Roundtable.Application.Parameters;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages.Identities;
using Roundtable.Tests.Support;

namespace Roundtable.Application.Tests.Identities;

/// <summary>
/// A PKI made by another implementation: the openssl command makes an ECDSA root, an RSA issuing
/// CA, a member's key and certificate and, with "openssl ca", a CRL revoking it. The strict DER
/// readers and the path checks must accept what a real CA tool writes, not only .NET's builders.
/// </summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private const string Extensions = """
        [root]
        basicConstraints = critical, CA:TRUE, pathlen:1
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [ca]
        basicConstraints = critical, CA:TRUE, pathlen:0
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        [leaf]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        """;

    private const string CaConfig = """
        [ca]
        default_ca = issuing
        [issuing]
        database = index.txt
        crlnumber = crlnumber
        default_md = sha256
        default_crl_days = 30
        """;

    private readonly OpenSslCommand _openssl = new();

    [Fact]
    public void An_openssl_made_chain_verifies_an_affiliation_and_an_openssl_made_crl_revokes_it()
    {
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _openssl.Write("ext.cnf", Encoding.ASCII.GetBytes(Extensions));
        _openssl.Write("ca.cnf", Encoding.ASCII.GetBytes(CaConfig));
        _openssl.Write("index.txt", []);
        _openssl.Write("crlnumber", "01\n"u8.ToArray());
        _openssl.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "root.key");
        _openssl.Run("req", "-x509", "-new", "-key", "root.key", "-subj", "/CN=Interop Root/O=Interop Trust", "-days", "30", "-sha256", "-config", "ext.cnf", "-extensions", "root", "-out", "root.pem");
        _openssl.Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "issuing.key");
        _openssl.Run("req", "-new", "-key", "issuing.key", "-subj", "/CN=Interop Issuing CA/O=Interop Trust", "-out", "issuing.csr");
        _openssl.Run("x509", "-req", "-in", "issuing.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "2", "-days", "20", "-sha256", "-extfile", "ext.cnf", "-extensions", "ca", "-out", "issuing.pem");
        _openssl.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "member.key");
        _openssl.Run("req", "-new", "-key", "member.key", "-subj", "/CN=Olu Member/O=Example University", "-out", "member.csr");
        _openssl.Run("x509", "-req", "-in", "member.csr", "-CA", "issuing.pem", "-CAkey", "issuing.key", "-set_serial", "263", "-days", "10", "-sha256", "-extfile", "ext.cnf", "-extensions", "leaf", "-out", "member.pem");
        var member = PrivateKey.FromPem(Encoding.ASCII.GetString(_openssl.Read("member.key")));
        var chain = new TestChain(trustAnchors: [new TrustAnchor("interop", [], Der("root"))]);
        chain.ExecuteAt(now + 60_000, chain.Tx(member, TestChain.Registration("civil-society", "africa", "Olu")));

        var attested = chain.ExecuteAt(now + 61_000, chain.Tx(member, new AttestCertificate("interop", "Example University", [Der("member"), Der("issuing")])));

        Assert.True(attested.Results[0].IsOk, attested.Results[0].Reason);
        Assert.Equal(AffiliationStatus.Verified, chain.App.GetAffiliation(member.PublicKey.Id)!.StatusAt(chain.App.LastBlockTimeMs, chain.App.Parameters));

        _openssl.Run("ca", "-config", "ca.cnf", "-revoke", "member.pem", "-keyfile", "issuing.key", "-cert", "issuing.pem");
        _openssl.Run("ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "issuing.key", "-cert", "issuing.pem", "-out", "crl.pem");
        _openssl.Run("crl", "-in", "crl.pem", "-outform", "DER", "-out", "crl.der");

        var posted = chain.ExecuteAt(now + 62_000, chain.Tx(member, new PostRevocationList("interop", _openssl.Read("crl.der"), [Der("issuing")])));

        Assert.True(posted.Results[0].IsOk, posted.Results[0].Reason);
        Assert.Equal(posted.Height, chain.App.GetAffiliation(member.PublicKey.Id)!.RevokedAtHeight);
        Assert.Equal(TxCode.CertificateRefused, chain.ExecuteAt(now + 63_000, chain.Tx(member, new AttestCertificate("interop", string.Empty, [Der("member"), Der("issuing")]))).Results[0].Code);
    }

    public void Dispose() => _openssl.Dispose();

    private byte[] Der(string name)
    {
        _openssl.Run("x509", "-in", name + ".pem", "-outform", "DER", "-out", name + ".der");
        return _openssl.Read(name + ".der");
    }
}
