using Roundtable.Cli.Tests.Support;

namespace Roundtable.Cli.Tests;

/// <summary>The path a new user takes, against a real node on a loopback port.</summary>
public sealed class NodeTourTests(InProcessNode node) : IClassFixture<InProcessNode>
{
    [Fact]
    public async Task New_user_tour_register_then_find_the_transaction_and_the_member()
    {
        using var cli = node.Session();
        var alice = (await cli.RunAsync("--json", "keys", "new", "alice")).Ok().Json();
        var memberId = (string)alice["memberId"]!;

        var registered = (await cli.RunAsync("tx", "register", "--key", "alice", "--name", "Ada Lovelace", "--group", "technical",
            "--region", "western-europe-others", "--profile", "gender=female", "--profile", "organisation=Analytical Engines", "--json")).Ok().Json();
        Assert.Equal("committed", (string?)registered["status"]);
        Assert.Equal("register-member", (string?)registered["type"]);
        Assert.True((bool)registered["result"]!["ok"]!);
        Assert.Equal(memberId, (string?)registered["memberId"]);
        var hash = (string)registered["hash"]!;
        var height = (ulong)registered["height"]!;
        Assert.True(height > 0);

        var tx = (await cli.RunAsync("--json", "query", "tx", hash)).Ok().Json();
        Assert.Equal("committed", (string?)tx["status"]);
        Assert.Equal(height, (ulong)tx["height"]!);
        Assert.Equal("ok", (string?)tx["result"]!["code"]);

        var txTable = (await cli.RunAsync("query", "tx", hash)).Ok();
        Assert.Contains("committed", txTable.Stdout, StringComparison.Ordinal);
        Assert.Contains("register-member", txTable.Stdout, StringComparison.Ordinal);

        var byKey = (await cli.RunAsync("query", "member", "--key", "alice")).Ok();
        Assert.Contains("Ada Lovelace", byKey.Stdout, StringComparison.Ordinal);
        Assert.Contains(memberId, byKey.Stdout, StringComparison.Ordinal);
        Assert.Contains("gender=female", byKey.Stdout, StringComparison.Ordinal);

        var byId = (await cli.RunAsync("--json", "query", "member", memberId)).Ok().Json();
        Assert.Equal("Ada Lovelace", (string?)byId["displayName"]);
        Assert.Equal("technical", (string?)byId["stakeholderGroup"]);
        Assert.True((bool)byId["verified"]!); // open admission
        Assert.Equal("Analytical Engines", (string?)byId["profile"]!["organisation"]!["value"]);
        var gender = (string)registered["personalFields"]!.AsArray().Single(f => (string?)f!["field"] == "gender")!["commitment"]!;
        Assert.Equal(gender, (string?)byId["profile"]!["gender"]!["commitment"]);

        (await cli.RunAsync("tx", "withdraw-field", "--key", "alice", "--commitment", gender)).Ok();
        var withdrawn = (await cli.RunAsync("query", "member", "--key", "alice")).Ok();
        Assert.Contains("gender (withdrawn by its owner)", withdrawn.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("female", withdrawn.Stdout, StringComparison.Ordinal);
        Assert.Contains("organisation=Analytical Engines", withdrawn.Stdout, StringComparison.Ordinal);

        var members = (await cli.RunAsync("--json", "query", "members")).Ok().Json();
        Assert.Contains(members["members"]!.AsArray(), m => (string?)m!["id"] == memberId);
        var membersTable = (await cli.RunAsync("query", "members")).Ok();
        Assert.Contains(memberId[..12] + "…", membersTable.Stdout, StringComparison.Ordinal);

        var block = (await cli.RunAsync("--json", "query", "block", height.ToString(System.Globalization.CultureInfo.InvariantCulture))).Ok().Json();
        Assert.Contains(block["transactions"]!.AsArray(), t => (string?)t!["hash"] == hash);
        var blockTable = (await cli.RunAsync("query", "block", height.ToString(System.Globalization.CultureInfo.InvariantCulture))).Ok();
        Assert.Contains(hash[..12] + "…", blockTable.Stdout, StringComparison.Ordinal);

        var proof = (await cli.RunAsync("--json", "query", "proof", "member/" + memberId)).Ok().Json();
        Assert.True((bool)proof["exists"]!);
        Assert.True((bool)proof["verified"]!);
        var proofTable = (await cli.RunAsync("query", "proof", "member/" + memberId)).Ok();
        Assert.Contains("verified", proofTable.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Human_output_of_a_transaction_says_where_it_committed()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "grace")).Ok();

        var result = (await cli.RunAsync("tx", "register", "--key", "grace", "--name", "Grace", "--group", "government", "--region", "asia-pacific")).Ok();

        Assert.Matches(@"Committed register-member at height \d+: ok\.", result.Stdout);
        Assert.Contains("Registered 'Grace' as member", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_and_latest_block_show_the_chain()
    {
        using var cli = node.Session();

        var status = (await cli.RunAsync("--json", "status")).Ok().Json();
        Assert.Equal(node.ChainId, (string?)status["chainId"]);
        var validator = Assert.Single(status["validators"]!.AsArray());
        Assert.Equal(64, ((string)validator!["address"]!).Length);

        var table = (await cli.RunAsync("status")).Ok();
        Assert.Contains(node.ChainId, table.Stdout, StringComparison.Ordinal);
        Assert.Contains("validator-1", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(((string)validator["address"]!)[..12] + "…", table.Stdout, StringComparison.Ordinal);

        var latest = (await cli.RunAsync("--json", "query", "block", "latest")).Ok().Json();
        Assert.True((ulong)latest["height"]! >= (ulong)status["height"]!);
    }

    [Fact]
    public async Task No_wait_returns_a_pending_transaction_that_later_commits()
    {
        using var cli = node.Session();
        (await cli.RunAsync("keys", "new", "dora")).Ok();

        var submitted = (await cli.RunAsync("--json", "tx", "register", "--key", "dora", "--name", "Dora", "--group", "private-sector", "--region", "africa", "--no-wait")).Ok().Json();
        Assert.Equal("pending", (string?)submitted["status"]);
        var hash = (string)submitted["hash"]!;

        await LoopbackNetwork.WaitUntilAsync(
            async () => (string?)(await cli.RunAsync("--json", "query", "tx", hash)).Ok().Json()["status"] == "committed",
            TimeSpan.FromSeconds(30),
            "the transaction to commit");
    }

    [Fact]
    public async Task Rotate_moves_the_membership_to_another_keyring_key()
    {
        using var cli = node.Session();
        var old = (await cli.RunAsync("--json", "keys", "new", "erin")).Ok().Json();
        (await cli.RunAsync("keys", "new", "erin-next")).Ok();
        (await cli.RunAsync("tx", "register", "--key", "erin", "--name", "Erin", "--group", "technical", "--region", "africa")).Ok();

        var rotated = (await cli.RunAsync("tx", "rotate", "--key", "erin", "--new-key", "erin-next")).Ok();
        Assert.Contains("'erin-next' now signs for member " + (string)old["memberId"]!, rotated.Stdout, StringComparison.Ordinal);

        var member = (await cli.RunAsync("--json", "query", "member", "--key", "erin-next")).Ok().Json();
        Assert.Equal((string?)old["memberId"], (string?)member["id"]);
        var next = (await cli.RunAsync("--json", "keys", "show", "erin-next")).Ok().Json();
        Assert.Equal((string?)next["publicKey"], (string?)member["publicKey"]);

        var byOldKey = (await cli.RunAsync("query", "member", "--key", "erin")).Ok();
        Assert.Contains("can no longer sign for this member: This key was replaced", byOldKey.Stderr, StringComparison.Ordinal);

        // The old key no longer signs; the new one does.
        (await cli.RunAsync("tx", "guardians", "--key", "erin", "--threshold", "0")).Failed("(key-not-current)");
        (await cli.RunAsync("tx", "guardians", "--key", "erin-next", "--threshold", "0")).Ok();
    }

    [Fact]
    public async Task Guardians_recovery_approval_cancel_and_revoke()
    {
        using var cli = node.Session();
        var owner = await RegisterAsync(cli, "frank");
        var guardian = await RegisterAsync(cli, "gina");
        (await cli.RunAsync("keys", "new", "frank-new")).Ok();

        var set = (await cli.RunAsync("--json", "tx", "guardians", "--key", "frank", "--guardian", guardian, "--threshold", "1")).Ok().Json();
        Assert.Equal("set-guardians", (string?)set["type"]);
        var member = (await cli.RunAsync("--json", "query", "member", owner)).Ok().Json();
        Assert.Equal(guardian, (string?)member["guardians"]![0]);

        var approved = (await cli.RunAsync("--json", "tx", "approve-recovery", "--key", "gina", "--member", owner, "--new-key", "frank-new")).Ok().Json();
        Assert.Equal("approve-recovery", (string?)approved["type"]);
        (await cli.RunAsync("tx", "cancel-recovery", "--key", "frank")).Ok();

        var revoked = (await cli.RunAsync("--json", "tx", "revoke", "--key", "frank")).Ok().Json();
        Assert.Equal("revoke-key", (string?)revoked["type"]);
        var after = (await cli.RunAsync("--json", "query", "member", owner)).Ok().Json();
        Assert.Equal("key-revoked", (string?)after["status"]);
    }

    [Fact]
    public async Task Attest_vouches_for_a_member()
    {
        using var cli = node.Session();
        await RegisterAsync(cli, "hana");
        var other = await RegisterAsync(cli, "ivan");

        // Open admission: members are verified at registration, so a further attestation is refused readably.
        (await cli.RunAsync("tx", "attest", "--key", "hana", "--member", other)).Failed("(already-exists)");
        (await cli.RunAsync("tx", "attest", "--key", "hana", "--member", "not-an-id")).Failed("is not a member id");
    }

    private static async Task<string> RegisterAsync(CliSession cli, string name)
    {
        var key = (await cli.RunAsync("--json", "keys", "new", name)).Ok().Json();
        (await cli.RunAsync("tx", "register", "--key", name, "--name", name, "--group", "civil-society", "--region", "africa")).Ok();
        return (string)key["memberId"]!;
    }
}
