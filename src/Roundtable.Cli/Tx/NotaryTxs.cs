using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Notary;
using Roundtable.Ledger.Messages.Notary;

namespace Roundtable.Cli.Tx;

/// <summary>Notary transactions: anchor a document, co-sign, revoke, supersede.</summary>
internal static class NotaryTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) => [Anchor(app, options), Cosign(app, options), Revoke(app, options), Supersede(app, options)];

    private static Option<string> Reason() => new("--reason") { Description = "Why, 1-500 bytes (public)", Required = true };

    private static Command Anchor(CliApp app, TxOptions options)
    {
        var anchor = new AnchorOptions();
        var command = new Command("anchor", "Anchor a document by its SHA-256 with a public title and metadata; the document itself never leaves this machine");
        anchor.AddTo(command);
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var message = anchor.Build(parse);
            var digest = message.Digest.ToString();
            return new TxPlan(
                message,
                $"Anchored document {digest} ({message.Metadata.SizeBytes} bytes). Anyone holding the file can check it: roundtable query anchor --file FILE",
                new JsonObject { ["digest"] = digest, ["sizeBytes"] = message.Metadata.SizeBytes, ["mediaType"] = message.Metadata.MediaType });
        });
        return command;
    }

    private static Command Cosign(CliApp app, TxOptions options)
    {
        var document = new DocumentDigest();
        var command = new Command("cosign", "Co-sign an anchored document: your stakeholder group and region are recorded with your endorsement");
        document.AddTo(command);
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var digest = document.Resolve(parse).Digest;
            return new TxPlan(new CosignAnchor(digest), $"Co-signed document {digest}.", new JsonObject { ["digest"] = digest.ToString() });
        });
        return command;
    }

    private static Command Revoke(CliApp app, TxOptions options)
    {
        var document = new DocumentDigest();
        var reason = Reason();
        var command = new Command("revoke-anchor", "As its author, revoke an anchor; it stays on chain marked revoked with your reason") { reason };
        document.AddTo(command);
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new RevokeAnchor(document.Resolve(parse).Digest, parse.GetValue(reason)!), "The anchor is revoked."));
        return command;
    }

    private static Command Supersede(CliApp app, TxOptions options)
    {
        var document = new DocumentDigest();
        var by = new Option<string>("--by") { Description = "Digest of the anchored document that replaces it", Required = true };
        var reason = Reason();
        var command = new Command("supersede-anchor", "As its author, mark an anchor superseded by another anchored document") { by, reason };
        document.AddTo(command);
        TxSender.Bind(app, command, options, (_, parse) =>
        {
            var digest = document.Resolve(parse).Digest;
            var replacement = AnchorArguments.Replacement(parse.GetValue(by), "--by", digest);
            return new TxPlan(new SupersedeAnchor(digest, replacement, parse.GetValue(reason)!), $"The anchor is superseded by {replacement}.");
        });
        return command;
    }
}
