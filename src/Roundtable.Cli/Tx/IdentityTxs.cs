using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Identities;

namespace Roundtable.Cli.Tx;

/// <summary>Identities from trust services: prove your affiliation with a certificate, post a trust service's revocation list.</summary>
internal static class IdentityTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) => [AttestCertificate(app, options), PostRevocationList(app, options)];

    private static Option<string> Anchor() => new("--anchor") { Description = "Name of the trust anchor in the chain parameters (roundtable query trust-anchors)", Required = true };

    private static Command AttestCertificate(CliApp app, TxOptions options)
    {
        var anchor = Anchor();
        var certificate = new Option<string>("--certificate") { Description = "Your certificate (PEM or DER) for the key that signs this transaction; a PEM file may continue with its issuers", Required = true };
        var chain = new Option<string[]>("--chain") { Description = "Intermediate CA certificates up to the anchor's root (PEM or DER; repeat, or one PEM file with several)", HelpName = "file" };
        var organisation = new Option<string>("--organisation") { Description = "The organisation (O=) of your certificate to publish; none by default", DefaultValueFactory = _ => string.Empty };
        var command = new Command("attest-certificate", "Verify your affiliation with an X.509 certificate from a trust service the chain trusts; only its digest and the organisation you choose go on chain") { anchor, certificate, chain, organisation };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var certificates = DerFiles.Read(parse.GetValue(certificate)!, DerFiles.Certificate, "--certificate")
                .Concat((parse.GetValue(chain) ?? []).SelectMany(f => DerFiles.Read(f, DerFiles.Certificate, "--chain")))
                .ToArray();
            var name = parse.GetValue(anchor)!;
            return new TxPlan(
                new AttestCertificate(name, parse.GetValue(organisation)!, certificates),
                $"Your affiliation is verified by {name}. Anyone can read it: roundtable query member --id YOUR-ID",
                new JsonObject { ["anchor"] = name, ["certificateDigest"] = Hash256.Compute(certificates[0]).ToString() });
        });
        return command;
    }

    private static Command PostRevocationList(CliApp app, TxOptions options)
    {
        var anchor = Anchor();
        var crl = new Option<string>("--crl") { Description = "The certificate revocation list (PEM or DER), as the trust service publishes it", Required = true };
        var issuer = new Option<string[]>("--issuer") { Description = "The CRL signer's certificate and its issuers up to the anchor's root (PEM or DER; none when the root signs)", HelpName = "file" };
        var command = new Command("post-crl", "Post a trust service's revocation list: affiliations whose certificates it lists are revoked from this block on") { anchor, crl, issuer };
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var list = DerFiles.Read(parse.GetValue(crl)!, DerFiles.RevocationList, "--crl")[0];
            var issuers = (parse.GetValue(issuer) ?? []).SelectMany(f => DerFiles.Read(f, DerFiles.Certificate, "--issuer")).ToArray();
            var name = parse.GetValue(anchor)!;
            return new TxPlan(
                new PostRevocationList(name, list, issuers),
                $"Posted a revocation list of {name}.",
                new JsonObject { ["anchor"] = name, ["revocationListDigest"] = Hash256.Compute(list).ToString() });
        });
        return command;
    }
}
