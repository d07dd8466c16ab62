using System.CommandLine;
using System.Text.Json;
using Roundtable.Cli.Infrastructure;
using Roundtable.Ledger.DataPractices;
using Roundtable.Node.Json;

namespace Roundtable.Cli.DataPractices;

/// <summary>
/// A practice statement, from a JSON file (the API's statement form, docs/data-practices.md) or
/// from options. The vocabularies are checked here first, so a mistake is explained before
/// anything is signed; the node checks the regions against the chain's parameters.
/// </summary>
internal sealed class StatementOptions
{
    public Option<string?> File { get; } = new("--statement-file") { Description = "A JSON file holding the statement (title, dataCategories, purpose, legalBasis, retention, storedIn, processedIn, transfers, contact)" };

    public Option<string?> Title { get; } = new("--title") { Description = $"The practice in a few words, 1-{PracticeStatement.MaxTitleBytes} bytes" };

    public Option<string[]> Categories { get; } = new("--category") { Description = "A data category such as contact-details (repeatable, 1-16)" };

    public Option<string?> Purpose { get; } = new("--purpose") { Description = $"Why the data is processed, 1-{PracticeStatement.MaxPurposeBytes} bytes" };

    public Option<string?> LegalBasis { get; } = new("--legal-basis") { Description = "One of: " + string.Join(", ", LegalBases.All) };

    public Option<string?> Retention { get; } = new("--retention") { Description = $"How long the data is kept, 1-{PracticeStatement.MaxRetentionBytes} bytes" };

    public Option<string[]> StoredIn { get; } = new("--stored-in") { Description = "A region where the data is stored (repeatable, 1-16)" };

    public Option<string[]> ProcessedIn { get; } = new("--processed-in") { Description = "A region where the data is processed (repeatable, 1-16)" };

    public Option<string[]> Transfers { get; } = new("--transfer") { Description = "REGION:BASIS:RECIPIENT, a transfer (repeatable); bases: " + string.Join(", ", LegalBases.Transfers) };

    public Option<string?> Contact { get; } = new("--contact") { Description = "A role's e-mail address or https:// page (never a person's own address)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { File, Title, Categories, Purpose, LegalBasis, Retention, StoredIn, ProcessedIn, Transfers, Contact })
        {
            command.Options.Add(option);
        }
    }

    public PracticeStatement Build(ParseResult parse)
    {
        var statement = parse.GetValue(File) is { } path ? FromFile(parse, path) : FromOptions(parse);
        if (!LegalBases.IsKnown(statement.LegalBasis))
        {
            throw new CliException($"legal basis '{statement.LegalBasis}' is not one of: {string.Join(", ", LegalBases.All)}.", "invalid-argument");
        }

        if (statement.Transfers.FirstOrDefault(t => !LegalBases.IsKnownTransfer(t.Basis)) is { } transfer)
        {
            throw new CliException($"transfer basis '{transfer.Basis}' is not one of: {string.Join(", ", LegalBases.Transfers)}.", "invalid-argument");
        }

        return ContactPoint.IsValid(statement.Contact)
            ? statement
            : throw new CliException("the contact must be a role's e-mail address (privacy@example.org) or an https:// address.", "invalid-argument");
    }

    private PracticeStatement FromFile(ParseResult parse, string path)
    {
        if (new[] { Title, Purpose, LegalBasis, Retention, Contact }.Any(o => parse.GetValue(o) is not null)
            || new[] { Categories, StoredIn, ProcessedIn, Transfers }.Any(o => parse.GetValue(o) is { Length: > 0 }))
        {
            throw new CliException("give the statement either in --statement-file or in options, not both.", "usage");
        }

        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
            return PracticeMessageJson.ReadStatement(document.RootElement);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot read {path}: {e.Message}", "io-error", e);
        }
        catch (JsonException e)
        {
            throw new CliException($"{path} is not valid JSON: {e.Message}", "invalid-argument", e);
        }
        catch (JsonFormException e)
        {
            throw new CliException($"{path}: {e.Message}", "invalid-argument", e);
        }
    }

    private PracticeStatement FromOptions(ParseResult parse) => new(
        Required(parse, Title),
        Set(parse, Categories),
        Required(parse, Purpose),
        Required(parse, LegalBasis),
        Required(parse, Retention),
        Set(parse, StoredIn),
        Set(parse, ProcessedIn),
        [.. (parse.GetValue(Transfers) ?? []).Select(ParseTransfer).Order(Comparer<DataTransfer>.Create(DataTransfer.Compare))],
        Required(parse, Contact));

    private static string Required(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) ?? throw new CliException($"{option.Name} is required (or give the whole statement with --statement-file).", "usage");

    private static string[] Set(ParseResult parse, Option<string[]> option) =>
        parse.GetValue(option) is { Length: > 0 } values
            ? [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : throw new CliException($"{option.Name} is required at least once (or give the whole statement with --statement-file).", "usage");

    private static DataTransfer ParseTransfer(string text)
    {
        var parts = text.Split(':', 3);
        return parts.Length == 3 && parts.All(p => p.Length > 0)
            ? new DataTransfer(parts[0], parts[2], parts[1])
            : throw new CliException($"--transfer '{text}' must be REGION:BASIS:RECIPIENT, e.g. asia-pacific:contractual-clauses:Hosting provider.", "usage");
    }
}
