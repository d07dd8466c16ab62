using System.Security.Cryptography;
using Roundtable.Cli.Tests.Support;

namespace Roundtable.Cli.Tests;

/// <summary>The notary driven end to end through the CLI against an in-process node.</summary>
public sealed class NotaryCommandTests(InProcessNode node) : IClassFixture<InProcessNode>
{
    [Fact]
    public async Task A_file_is_anchored_cosigned_queried_and_revoked_without_leaving_the_machine()
    {
        using var cli = node.Session();
        foreach (var (key, group, region) in new[] { ("amina", "civil-society", "africa"), ("kenji", "private-sector", "asia-pacific") })
        {
            (await cli.RunAsync("keys", "new", key)).Ok();
            (await cli.RunAsync("tx", "register", "--key", key, "--name", key, "--group", group, "--region", region)).Ok();
        }

        var file = cli.Scratch("workshop-report.csv");
        await File.WriteAllTextAsync(file, "session,participants\nblockchain for IG,42\n");
        var digest = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));
        var kenji = (string)(await cli.RunAsync("--json", "query", "member", "--key", "kenji")).Ok().Json()["id"]!;

        var anchored = (await cli.RunAsync("--json", "tx", "anchor", "--key", "amina", "--file", file, "--title", "Workshop attendance", "--tag", "igf", "--tag", "attendance")).Ok().Json();
        (await cli.RunAsync("tx", "cosign", "--key", "amina", "--file", file)).Failed("(unauthorized)");
        (await cli.RunAsync("tx", "cosign", "--key", "kenji", "--digest", digest)).Ok();
        var shown = (await cli.RunAsync("query", "anchor", "--file", file)).Ok().Stdout;
        var listed = (await cli.RunAsync("query", "anchors", "--member", kenji)).Ok().Stdout;
        (await cli.RunAsync("tx", "revoke-anchor", "--key", "kenji", "--digest", digest, "--reason", "Not mine to revoke.")).Failed("(unauthorized)");
        (await cli.RunAsync("tx", "revoke-anchor", "--key", "amina", "--file", file, "--reason", "Counted twice.")).Ok();
        var revoked = (await cli.RunAsync("--json", "query", "anchor", "--digest", digest)).Ok().Json();
        var revokedShown = (await cli.RunAsync("query", "anchor", "--digest", digest)).Ok().Stdout;

        Assert.Equal(digest, (string?)anchored["digest"]);
        Assert.Equal("text/csv", (string?)anchored["mediaType"]);
        Assert.Contains("Workshop attendance", shown, StringComparison.Ordinal);
        Assert.Contains("civil-society, africa", shown, StringComparison.Ordinal);
        Assert.Contains("1 (private-sector 1)", shown, StringComparison.Ordinal);
        Assert.Contains("cosigner", listed, StringComparison.Ordinal);
        Assert.Equal("revoked", (string?)revoked["status"]);
        Assert.Equal("Counted twice.", (string?)revoked["statusReason"]);
        Assert.Contains("revoked by its author at height", revokedShown, StringComparison.Ordinal);
        Assert.Equal(kenji, (string?)revoked["endorsements"]![0]!["member"]);
    }

    [Fact]
    public async Task Anchor_option_mistakes_are_explained_before_anything_is_signed()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "careless")).Ok();
        var digest = new string('a', 64);

        (await cli.RunAsync("tx", "anchor", "--key", "careless", "--title", "T")).Failed("exactly one of --file PATH or --digest HEX");
        (await cli.RunAsync("tx", "anchor", "--key", "careless", "--digest", digest, "--title", "T")).Failed("--digest needs --size N");
        (await cli.RunAsync("tx", "anchor", "--key", "careless", "--digest", digest, "--size", "3", "--title", "T", "--media-type", "pdf")).Failed("is not a type/subtype");
        (await cli.RunAsync("tx", "anchor", "--key", "careless", "--digest", digest, "--size", "3", "--title", "T", "--url", "ftp://example.org/x")).Failed("http:// or https://");
        (await cli.RunAsync("tx", "anchor", "--key", "careless", "--digest", digest, "--size", "3", "--title", "T", "--version-of", digest)).Failed("itself");
        (await cli.RunAsync("query", "anchor", "--digest", new string('0', 64))).Failed("(unknown-anchor)");
    }
}
