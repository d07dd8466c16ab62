using Roundtable.Cli.Tests.Support;

namespace Roundtable.Cli.Tests;

/// <summary>The data-practice register driven end to end through the CLI against an in-process node.</summary>
public sealed class PracticeCommandTests(InProcessNode node) : IClassFixture<InProcessNode>
{
    private const string Statement = """
        {"title": "Member directory", "dataCategories": ["organisation", "contact-details"],
         "purpose": "To let members find and contact each other.", "legalBasis": "legitimate-interests",
         "retention": "Until membership ends, then 30 days.", "storedIn": ["western-europe-others"],
         "processedIn": ["africa", "western-europe-others"],
         "transfers": [{"region": "asia-pacific", "recipient": "Hosting provider", "basis": "contractual-clauses"}],
         "contact": "privacy@example.org"}
        """;

    [Fact]
    public async Task A_statement_is_published_from_a_file_revised_from_options_commented_listed_and_exported()
    {
        using var cli = node.Session();
        foreach (var key in new[] { "example-org", "reader" })
        {
            (await cli.RunAsync("keys", "new", key)).Ok();
            (await cli.RunAsync("tx", "register", "--key", key, "--name", key, "--group", "private-sector", "--region", "africa")).Ok();
        }

        var file = cli.Scratch("statement.json");
        await File.WriteAllTextAsync(file, Statement);

        var first = (string)(await cli.RunAsync("--json", "tx", "practice-publish", "--key", "example-org", "--statement-file", file)).Ok().Json()["version"]!;
        (await cli.RunAsync("tx", "practice-comment", "--key", "reader", "--version", first, "--text", "Which hosting provider?")).Ok();
        (await cli.RunAsync(
            "tx", "practice-revise", "--key", "reader", "--previous", first, "--reason", "Mine now.", "--statement-file", file)).Failed("(unauthorized)");
        var second = (string)(await cli.RunAsync(
            "--json", "tx", "practice-revise", "--key", "example-org", "--previous", first, "--reason", "Data now stays in Africa.",
            "--title", "Member directory", "--category", "contact-details", "--category", "organisation", "--purpose", "To let members find and contact each other.",
            "--legal-basis", "legitimate-interests", "--retention", "90 days.", "--stored-in", "africa", "--processed-in", "africa",
            "--contact", "privacy@example.org")).Ok().Json()["version"]!;
        var listed = (await cli.RunAsync("query", "practices", "--region", "africa")).Ok().Stdout;
        var shown = (await cli.RunAsync("query", "practice", first)).Ok().Stdout;
        var csv = (await cli.RunAsync("query", "practices-export", "--format", "csv")).Ok().Stdout;

        Assert.Contains("Member directory", listed, StringComparison.Ordinal);
        Assert.Contains("legitimate-interests", listed, StringComparison.Ordinal);
        Assert.Contains("example-org states how it handles data for \"Member directory\"", shown, StringComparison.Ordinal);
        Assert.Contains("superseded", shown, StringComparison.Ordinal);
        Assert.Contains("Which hosting provider?", shown, StringComparison.Ordinal);
        Assert.StartsWith("statement,version,version_number,status,", csv, StringComparison.Ordinal);
        Assert.Contains($"{first},{second},2,in-force,", csv, StringComparison.Ordinal);
        Assert.Contains($"{first},{first},1,superseded,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_mistakes_are_explained_before_anything_is_signed()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "careless")).Ok();
        var file = cli.Scratch("statement.json");
        await File.WriteAllTextAsync(file, Statement);
        string[] options = ["--title", "T", "--category", "c", "--purpose", "p", "--retention", "r", "--stored-in", "africa", "--processed-in", "africa", "--contact", "privacy@example.org"];

        (await cli.RunAsync(["tx", "practice-publish", "--key", "careless", .. options, "--legal-basis", "because"])).Failed("legal basis 'because' is not one of: consent");
        (await cli.RunAsync(["tx", "practice-publish", "--key", "careless", .. options, "--legal-basis", "consent", "--transfer", "asia-pacific"])).Failed("REGION:BASIS:RECIPIENT");
        (await cli.RunAsync("tx", "practice-publish", "--key", "careless", "--statement-file", file, "--title", "Other")).Failed("not both");
        (await cli.RunAsync("tx", "practice-publish", "--key", "careless", "--title", "T")).Failed("--category is required");
        (await cli.RunAsync("query", "practice", new string('0', 64))).Failed("(unknown-practice-statement)");
    }
}
