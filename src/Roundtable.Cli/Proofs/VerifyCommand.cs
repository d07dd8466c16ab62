using System.CommandLine;
using System.Security.Cryptography;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.Verification;

namespace Roundtable.Cli.Proofs;

/// <summary>
/// <c>roundtable verify --bundle B [--file F] --trust T</c>: checks a proof bundle offline, with no
/// node and no network. Exit 0 verified, 1 refuted (with the part and the reason), 2 usage error.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliApp app)
    {
        var bundle = new Option<string>("--bundle") { Description = "The proof bundle file (from 'roundtable prove' or the portal)", Required = true };
        var file = new Option<string?>("--file") { Description = "A document to check against the anchor the bundle proves" };
        var trust = TrustArgument.Create();
        var command = new Command("verify", "Verify a proof bundle offline: what it proves, at which block, signed by which stakeholder groups") { bundle, file, trust };
        app.SetAction(command, (context, parse) =>
        {
            var trusted = TrustArgument.Parse(parse.GetValue(trust)!);
            var bytes = ReadFile(parse.GetValue(bundle)!, "--bundle");
            var document = parse.GetValue(file) is { } path ? (path, Digest(path)) : ((string, Hash256)?)null;

            ProofBundle decoded;
            try
            {
                decoded = ProofBundle.Decode(bytes);
            }
            catch (DecodeException e)
            {
                return Report(context, new VerificationReport(null, trusted, null, "bundle", "it is not a well-formed proof bundle: " + e.Message, document));
            }

            var result = BundleVerifier.Verify(decoded, trusted.Hash);
            var (part, reason) = (result.Part, result.Reason);
            if (result.IsVerified && document is { } doc)
            {
                var (_, problem) = DocumentCheck.Check(result, doc.Item2);
                (part, reason) = problem is null ? (null, null) : ("file", problem);
            }

            return Report(context, new VerificationReport(result, trusted, decoded.ChainId, part, reason, document));
        });
        return command;
    }

    private static int Report(CommandContext context, VerificationReport report)
    {
        report.Write(context);
        return report.IsVerified ? CliApp.Ok : CliApp.Failed;
    }

    private static byte[] ReadFile(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{option} '{path}' does not exist.");
        }

        var info = new FileInfo(path);
        return info.Length <= ProofBundle.MaxEncodedSize
            ? File.ReadAllBytes(path)
            : throw new UsageException($"{option} '{path}' is {info.Length} bytes; a proof bundle is at most {ProofBundle.MaxEncodedSize}.");
    }

    /// <summary>SHA-256 of a file, streamed (documents may be large).</summary>
    public static Hash256 Digest(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--file '{path}' does not exist.");
        }

        using var stream = File.OpenRead(path);
        return Hash256.FromBytes(SHA256.HashData(stream));
    }
}
