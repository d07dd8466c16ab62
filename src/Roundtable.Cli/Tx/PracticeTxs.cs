using System.CommandLine;
using System.Text.Json.Nodes;
using Roundtable.Cli.DataPractices;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages.DataPractices;

namespace Roundtable.Cli.Tx;

/// <summary>Register transactions: publish a practice statement, publish a new version of it, comment on one.</summary>
internal static class PracticeTxs
{
    public static IEnumerable<Command> All(CliApp app, TxOptions options) => [Publish(app, options), Revise(app, options), Comment(app, options)];

    private static Option<string> Digest(string name, string description) => new(name) { Description = description, Required = true };

    private static Command Publish(CliApp app, TxOptions options)
    {
        var statement = new StatementOptions();
        var command = new Command("practice-publish", "Publish a statement of how your organisation collects and processes data; it is anchored as a document anyone can verify");
        statement.AddTo(command);
        TxSender.Bind(app, command, options, (context, parse) =>
        {
            var s = statement.Build(parse);
            var version = new PracticeDocument(context.Signer.PublicKey.Id, null, s).Digest;
            return Plan(new PublishPracticeStatement(s), version, $"Published statement {version}.");
        });
        return command;
    }

    private static Command Revise(CliApp app, TxOptions options)
    {
        var statement = new StatementOptions();
        var previous = Digest("--previous", "Digest of the statement's current version");
        var reason = new Option<string>("--reason") { Description = "What changed and why, 1-500 bytes (public)", Required = true };
        var command = new Command("practice-revise", "Publish a new version of your statement; the previous version is marked superseded") { previous, reason };
        statement.AddTo(command);
        TxSender.Bind(app, command, options, (context, parse) =>
        {
            var before = Parse(parse.GetValue(previous), "--previous");
            var s = statement.Build(parse);
            var version = new PracticeDocument(context.Signer.PublicKey.Id, before, s).Digest;
            return Plan(new RevisePracticeStatement(before, s, parse.GetValue(reason)!), version, $"Published version {version}, superseding {before}.");
        });
        return command;
    }

    private static Command Comment(CliApp app, TxOptions options)
    {
        var version = Digest("--version", "Digest of the statement version you comment on");
        var text = new Option<string>("--text") { Description = $"Your comment, 1-{CommentOnPracticeStatement.MaxTextBytes} bytes (public)", Required = true };
        var command = new Command("practice-comment", "Comment on a practice statement") { version, text };
        TxSender.Bind(app, command, options, (_, parse) =>
            new TxPlan(new CommentOnPracticeStatement(Parse(parse.GetValue(version), "--version"), parse.GetValue(text)!), "Your comment is recorded."));
        return command;
    }

    private static TxPlan Plan(Ledger.Messages.TxMessage message, Hash256 version, string note) =>
        new(message, note + " See it with: roundtable query practice " + version, new JsonObject { ["version"] = version.ToString() });

    private static Hash256 Parse(string? text, string option) =>
        Hash256.TryParse(text?.Trim().ToLowerInvariant(), out var digest) ? digest : throw new CliException($"{option} must be a digest: 64 hex characters.", "invalid-argument");
}
