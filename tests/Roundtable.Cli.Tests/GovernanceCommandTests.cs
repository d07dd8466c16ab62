using Roundtable.Cli.Tests.Support;

namespace Roundtable.Cli.Tests;

/// <summary>A proposal's deliberation driven from the command line against a real node.</summary>
public sealed class GovernanceCommandTests(InProcessNode node) : IClassFixture<InProcessNode>
{
    [Fact]
    public async Task Propose_sponsor_comment_amend_and_query_a_recommendation()
    {
        using var cli = node.Session();
        await MemberAsync(cli, "author", "civil-society");
        await MemberAsync(cli, "sponsor", "government");
        var document = cli.Scratch("recommendation.md");
        await File.WriteAllTextAsync(document, "# Publish session records\n\nWithin a week.");

        var proposed = (await cli.RunAsync("--json", "tx", "propose", "--key", "author", "--title", "Publish session records", "--document", document)).Ok().Json();
        var id = (string)proposed["proposal"]!;
        Assert.Equal("submit-proposal", (string?)proposed["type"]);

        (await cli.RunAsync("tx", "sponsor", "--key", "sponsor", "--proposal", id)).Ok();
        (await cli.RunAsync("tx", "comment", "--key", "sponsor", "--proposal", id, "--text", "A week is short.")).Ok();
        var amended = cli.Scratch("amended.md");
        await File.WriteAllTextAsync(amended, "# Publish session records\n\nWithin two weeks.");
        (await cli.RunAsync("tx", "amend", "--key", "sponsor", "--proposal", id, "--document", amended, "--rationale", "Two weeks.")).Ok();
        var resolved = (await cli.RunAsync("tx", "resolve-amendment", "--key", "author", "--proposal", id, "--amendment", "0", "--accept")).Ok();
        Assert.Contains("Amendment accepted.", resolved.Stdout, StringComparison.Ordinal);

        var shown = (await cli.RunAsync("--json", "query", "proposal", id)).Ok().Json();
        Assert.Equal("deliberation", (string?)shown["status"]);
        Assert.Equal("consensus", (string?)shown["method"]);
        Assert.Equal(1, (int)shown["sponsors"]!);
        Assert.Equal(1, (int)shown["comments"]!);
        Assert.Contains("two weeks", (string?)shown["document"]!["markdown"], StringComparison.Ordinal);

        var listed = (await cli.RunAsync("query", "proposals")).Ok();
        Assert.Contains(id[..12] + "…", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("deliberation", listed.Stdout, StringComparison.Ordinal);

        (await cli.RunAsync("tx", "withdraw", "--key", "author", "--proposal", id)).Ok();
        var late = await cli.RunAsync("tx", "comment", "--key", "sponsor", "--proposal", id, "--text", "Too late.");
        late.Failed("wrong-phase");

        // The outcome can be carried away and checked offline.
        var bundle = cli.Scratch("proposal.rtproof");
        (await cli.RunAsync("prove", "--key", "proposal/" + id, "--out", bundle)).Ok();
        var genesis = Path.Combine(node.Home, "config", "genesis.json");
        var verified = (await cli.RunAsync("verify", "--bundle", bundle, "--trust", genesis)).Ok().Stdout;
        Assert.Contains("Proposal \"Publish session records\" (recommendation, decided by consensus, 0 voter(s)) is withdrawn", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_the_withdrawal_of_someone_elses_anchor()
    {
        using var cli = node.Session();
        await MemberAsync(cli, "publisher", "private-sector");
        await MemberAsync(cli, "steward", "technical");
        var digest = (string)(await cli.RunAsync("--json", "tx", "anchor", "--key", "publisher", "--digest", new string('c', 64), "--size", "3", "--title", "Leaked list")).Ok().Json()["digest"]!;
        var document = cli.Scratch("withdrawal.md");
        await File.WriteAllTextAsync(document, "# Withdraw the leaked list\n\nIt names private persons.");

        (await cli.RunAsync("tx", "propose", "--key", "steward", "--title", "Withdraw", "--document", document, "--digest", digest, "--reason", "R")).Failed("--kind anchor-withdrawal takes --digest");
        (await cli.RunAsync("tx", "propose", "--key", "steward", "--title", "Withdraw", "--document", document, "--kind", "anchor-withdrawal", "--digest", digest)).Failed("needs --reason");
        var proposed = (await cli.RunAsync(
            "--json", "tx", "propose", "--key", "steward", "--title", "Withdraw the leaked list", "--document", document,
            "--kind", "anchor-withdrawal", "--digest", digest, "--reason", "It names private persons.")).Ok().Json();

        var shown = (await cli.RunAsync("--json", "query", "proposal", (string)proposed["proposal"]!)).Ok().Json();
        Assert.Equal("anchor-withdrawal", (string?)shown["kind"]);
        Assert.Equal((digest, null, "It names private persons."), ((string?)shown["action"]!["digest"], (string?)shown["action"]!["replacement"], (string?)shown["action"]!["reason"]));
    }

    [Fact]
    public async Task A_vote_without_a_ballot_is_a_usage_error()
    {
        using var cli = node.Session();
        await MemberAsync(cli, "voter", "technical");

        var result = await cli.RunAsync("tx", "vote", "--key", "voter", "--proposal", new string('a', 64), "--document-hash", new string('b', 64));

        result.Failed("give exactly one ballot");
    }

    [Fact]
    public async Task An_assessment_is_checked_before_signing_and_refused_by_the_node_against_criteria_never_adopted()
    {
        using var cli = node.Session();
        await MemberAsync(cli, "assessor", "civil-society");
        var subject = (string)(await cli.RunAsync("--json", "tx", "anchor", "--key", "assessor", "--digest", new string('e', 64), "--size", "3", "--title", "Land registry")).Ok().Json()["digest"]!;
        var document = cli.Scratch("assessment.md");
        await File.WriteAllTextAsync(document, "# Assess the land registry\n\nAgainst the adopted principles.");
        string[] Propose(params string[] grades) =>
        [
            "tx", "assessment-propose", "--key", "assessor", "--title", "Assess the land registry", "--document", document, "--subject", subject,
            "--criteria-list", new string('d', 64), "--criterion", "Transparency", "--criterion", "Data protection", .. grades.SelectMany(g => new[] { "--grade", g }),
        ];

        (await cli.RunAsync(Propose("poor", "good"))).Failed("at least 3 grade");
        (await cli.RunAsync(Propose("poor", "fair", "good"))).Failed("criteria-list-unknown");
        (await cli.RunAsync("tx", "assessment-grade", "--key", "assessor", "--proposal", new string('a', 64), "--document-hash", new string('b', 64), "--grades", "1,x")).Failed("not a comma-separated list of grade numbers");
        (await cli.RunAsync("tx", "assessment-grade", "--key", "assessor", "--proposal", new string('a', 64), "--document-hash", new string('b', 64), "--grades", "1,9")).Failed("not a grade ballot");
    }

    private static async Task MemberAsync(CliSession cli, string name, string group)
    {
        (await cli.RunAsync("keys", "new", name)).Ok();
        (await cli.RunAsync("tx", "register", "--key", name, "--name", name, "--group", group, "--region", "africa")).Ok();
    }
}
