using System.Globalization;
using Roundtable.Cli.Tests.Support;

namespace Roundtable.Cli.Tests;

/// <summary>A session driven end to end through the CLI against an in-process node.</summary>
public sealed class SessionCommandTests(InProcessNode node) : IClassFixture<InProcessNode>
{
    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Organiser_and_participants_run_a_ranked_poll_and_read_the_report()
    {
        using var cli = node.Session();
        foreach (var (key, group, region) in new[] { ("olu", "government", "africa"), ("carmen", "civil-society", "latin-america-caribbean"), ("kenji", "private-sector", "asia-pacific") })
        {
            (await cli.RunAsync("keys", "new", key)).Ok();
            (await cli.RunAsync("tx", "register", "--key", key, "--name", key, "--group", group, "--region", region)).Ok();
        }

        var created = await cli.RunAsync(
            "--json", "tx", "session-create", "--key", "olu", "--title", "How blockchain works in Internet governance innovation",
            "--start", Iso(DateTimeOffset.UtcNow), "--end", Iso(DateTimeOffset.UtcNow.AddHours(2)), "--allow-online",
            "--speaker", "Amina Diallo|civil-society|africa", "--speaker", "Kenji|private-sector|asia-pacific",
            "--agenda", "Welcome", "--question", "Which practice should we recommend?");
        var session = (string)created.Ok().Json()["sessionId"]!;
        (await cli.RunAsync("tx", "session-code", "--key", "olu", "--session", session, "--code", "LEDGER-7")).Ok();
        (await cli.RunAsync("tx", "check-in", "--key", "carmen", "--session", session, "--code", "WRONG")).Failed("(unauthorized)");
        (await cli.RunAsync("tx", "check-in", "--key", "carmen", "--session", session, "--code", "LEDGER-7", "--gender", "woman")).Ok();
        (await cli.RunAsync("tx", "check-in", "--key", "kenji", "--session", session, "--online")).Ok();
        (await cli.RunAsync("tx", "poll-create", "--key", "olu", "--session", session, "--question", "Key custody?", "--method", "ranked", "--option", "Hardware keys", "--option", "Guardian recovery")).Ok();
        (await cli.RunAsync("tx", "poll-open", "--key", "olu", "--session", session, "--poll", "0")).Ok();
        (await cli.RunAsync("tx", "poll-vote", "--key", "carmen", "--session", session, "--poll", "0", "--rank", "1,0")).Ok();
        (await cli.RunAsync("tx", "poll-vote", "--key", "kenji", "--session", session, "--poll", "0", "--rank", "1,0")).Ok();
        (await cli.RunAsync("tx", "poll-vote", "--key", "olu", "--session", session, "--poll", "0", "--rank", "0,1")).Failed("(unauthorized)");
        (await cli.RunAsync("tx", "poll-close", "--key", "olu", "--session", session, "--poll", "0")).Ok();

        var report = (await cli.RunAsync("query", "session-report", session)).Ok().Stdout;
        var list = (await cli.RunAsync("query", "sessions")).Ok().Stdout;

        Assert.StartsWith("# How blockchain works in Internet governance innovation", report, StringComparison.Ordinal);
        Assert.Contains("Schulze winner: \"Guardian recovery\"", report, StringComparison.Ordinal);
        Assert.Contains("| woman | 1 |", report, StringComparison.Ordinal);
        Assert.Contains(session[..12], list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_working_group_is_created_joined_and_shown()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "lead")).Ok();
        (await cli.RunAsync("tx", "register", "--key", "lead", "--name", "Lead", "--group", "technical", "--region", "africa")).Ok();
        var charter = cli.Scratch("charter.md");
        await File.WriteAllTextAsync(charter, "# DNS resilience\n\nStudy resolver diversity.");

        var created = await cli.RunAsync("--json", "tx", "wg-create", "--key", "lead", "--name", "DNS resilience", "--charter-file", charter, "--sunset", Iso(DateTimeOffset.UtcNow.AddDays(30)));
        var group = (string)created.Ok().Json()["workingGroupId"]!;
        var document = cli.Scratch("resolvers.md");
        await File.WriteAllTextAsync(document, "# Resolver diversity\n\nRun two resolver implementations.");
        var proposal = (string)(await cli.RunAsync("--json", "tx", "propose", "--key", "lead", "--title", "Resolver diversity", "--document", document)).Ok().Json()["proposal"]!;
        (await cli.RunAsync("tx", "wg-deliverable", "--key", "lead", "--group", group, "--proposal", new string('a', 64), "--title", "Nothing")).Failed("(not-found)");
        (await cli.RunAsync("tx", "wg-deliverable", "--key", "lead", "--group", group, "--proposal", proposal, "--title", "Resolver recommendation")).Ok();
        (await cli.RunAsync("tx", "wg-leave", "--key", "lead", "--group", group)).Failed("(invalid-argument)");

        var shown = (await cli.RunAsync("query", "working-group", group)).Ok().Stdout;
        Assert.Contains("Resolver recommendation", shown, StringComparison.Ordinal);
        Assert.Contains("active", (await cli.RunAsync("query", "working-groups")).Ok().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_option_mistakes_are_explained()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "mistakes")).Ok();

        (await cli.RunAsync("tx", "check-in", "--key", "mistakes", "--session", new string('a', 64))).Failed("exactly one of --code CODE (on site) or --online");
        (await cli.RunAsync("tx", "check-in", "--key", "mistakes", "--session", "xyz", "--online")).Failed("is not a session id");
        (await cli.RunAsync("query", "session-report", new string('0', 64))).Failed("(unknown-session)");
    }
}
