using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Roundtable.Cli.Tests.Support;

namespace Roundtable.Cli.Tests;

/// <summary>
/// The certificate commands through the CLI against an in-process node whose parameters name no
/// trust anchor: files are read as PEM or DER, the transaction reaches the node, and the node's
/// refusal comes back in words.
/// </summary>
public sealed class IdentityCommandTests(InProcessNode node) : IClassFixture<InProcessNode>
{
    [Fact]
    public async Task Certificate_files_are_read_as_pem_or_der_and_an_anchor_the_chain_does_not_name_is_refused()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "carla")).Ok();
        (await cli.RunAsync("tx", "register", "--key", "carla", "--name", "Carla", "--group", "civil-society", "--region", "africa")).Ok();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Carla, O=Example Ministry", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pem = cli.Scratch("carla.pem");
        var der = cli.Scratch("carla.der");
        var notCertificate = cli.Scratch("key.pem");
        await File.WriteAllTextAsync(pem, new string(PemEncoding.Write("CERTIFICATE", certificate.RawData)));
        await File.WriteAllBytesAsync(der, certificate.RawData);
        await File.WriteAllTextAsync(notCertificate, new string(PemEncoding.Write("PUBLIC KEY", key.ExportSubjectPublicKeyInfo())));

        (await cli.RunAsync("tx", "attest-certificate", "--key", "carla", "--anchor", "government-pki", "--certificate", pem)).Failed("name no trust anchor 'government-pki'");
        (await cli.RunAsync("tx", "attest-certificate", "--key", "carla", "--anchor", "government-pki", "--certificate", der)).Failed("name no trust anchor 'government-pki'");
        (await cli.RunAsync("tx", "attest-certificate", "--key", "carla", "--anchor", "government-pki", "--certificate", notCertificate)).Failed("holds no CERTIFICATE");
        (await cli.RunAsync("tx", "post-crl", "--key", "carla", "--anchor", "government-pki", "--crl", cli.Scratch("missing.crl"))).Failed("does not exist");
        var anchors = (await cli.RunAsync("--json", "query", "trust-anchors")).Ok().Json();

        Assert.Empty(anchors["trustAnchors"]!.AsArray());
    }
}
