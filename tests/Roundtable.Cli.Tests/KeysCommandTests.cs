using Roundtable.Cli.Tests.Support;
using Roundtable.Node.Hosting;

namespace Roundtable.Cli.Tests;

public sealed class KeysCommandTests
{
    [Fact]
    public async Task New_list_show_export_import_round_trip()
    {
        using var cli = new CliSession();

        var created = (await cli.RunAsync("--json", "keys", "new", "alice")).Ok().Json();
        var file = Path.Combine(cli.Keyring, "alice.pem");
        Assert.Equal(file, (string?)created["file"]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cli.Keyring));
        using (var key = KeyFiles.Read(file))
        {
            Assert.Equal(key.PublicKey.ToString(), (string?)created["publicKey"]);
            Assert.Equal(key.PublicKey.Id.ToString(), (string?)created["memberId"]);
        }

        (await cli.RunAsync("keys", "new", "bob")).Ok();
        var list = (await cli.RunAsync("keys", "list", "--json")).Ok().Json();
        Assert.Equal(["alice", "bob"], list["keys"]!.AsArray().Select(k => (string?)k!["name"]));

        var table = (await cli.RunAsync("keys", "list")).Ok();
        Assert.Contains("alice", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(((string)created["memberId"]!)[..12], table.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 key(s)", table.Stdout, StringComparison.Ordinal);

        var shown = (await cli.RunAsync("keys", "show", "alice")).Ok();
        Assert.Contains((string)created["publicKey"]!, shown.Stdout, StringComparison.Ordinal);
        Assert.Contains((string)created["memberId"]!, shown.Stdout, StringComparison.Ordinal);

        var pem = (await cli.RunAsync("keys", "export", "alice")).Ok();
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem.Stdout, StringComparison.Ordinal);
        Assert.Contains("anyone holding it can sign", pem.Stderr, StringComparison.Ordinal);
        var exported = cli.Scratch("alice-backup.pem");
        await File.WriteAllTextAsync(exported, pem.Stdout);

        var imported = (await cli.RunAsync("--json", "keys", "import", "alice-copy", exported)).Ok().Json();
        Assert.Equal((string?)created["publicKey"], (string?)imported["publicKey"]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(cli.Keyring, "alice-copy.pem")));

        var exportJson = (await cli.RunAsync("--json", "keys", "export", "alice-copy")).Ok().Json();
        Assert.Equal(pem.Stdout.Trim(), ((string)exportJson["pem"]!).Trim());
    }

    [Fact]
    public async Task Backup_writes_the_portal_s_format_which_opens_with_the_passphrase_to_the_same_key()
    {
        using var cli = new CliSession();
        var created = (await cli.RunAsync("--json", "keys", "new", "amina")).Ok().Json();
        var passphrase = cli.Scratch("pass.txt");
        await File.WriteAllTextAsync(passphrase, "a long walk to the forum\nignored second line\n");
        var output = cli.Scratch("amina.json");

        (await cli.RunAsync("keys", "backup", "amina", "--out", output, "--passphrase-file", passphrase)).Ok();

        var backup = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        Assert.Equal("roundtable-key-backup", (string?)backup["format"]);
        Assert.Equal(600_000, (int)backup["kdf"]!["iterations"]!);
        Assert.Equal((string?)created["publicKey"], (string?)backup["publicKey"]);
        var salt = Convert.FromBase64String((string)backup["kdf"]!["salt"]!);
        var nonce = Convert.FromBase64String((string)backup["cipher"]!["iv"]!);
        var sealedKey = Convert.FromBase64String((string)backup["ciphertext"]!);
        var secret = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("a long walk to the forum"u8, salt, 600_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var pkcs8 = new byte[sealedKey.Length - 16];
        using (var aes = new System.Security.Cryptography.AesGcm(secret, 16))
        {
            aes.Decrypt(nonce, sealedKey.AsSpan(0, pkcs8.Length), sealedKey.AsSpan(pkcs8.Length), pkcs8);
        }

        using var opened = Core.Crypto.PrivateKey.FromPkcs8(pkcs8);
        Assert.Equal((string?)created["publicKey"], opened.PublicKey.ToString());
        Assert.DoesNotContain("PRIVATE", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_refuses_a_short_passphrase_or_a_missing_passphrase_file_as_usage_errors()
    {
        using var cli = new CliSession();
        (await cli.RunAsync("keys", "new", "amina")).Ok();
        var shortPassphrase = cli.Scratch("short.txt");
        await File.WriteAllTextAsync(shortPassphrase, "short\n");

        var tooShort = await cli.RunAsync("keys", "backup", "amina", "--out", cli.Scratch("a.json"), "--passphrase-file", shortPassphrase);
        var missing = await cli.RunAsync("keys", "backup", "amina", "--out", cli.Scratch("b.json"), "--passphrase-file", cli.Scratch("nowhere.txt"));

        Assert.Equal(2, tooShort.ExitCode);
        Assert.Contains("at least 8 characters", tooShort.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.False(File.Exists(cli.Scratch("a.json")));
    }

    [Fact]
    public async Task Keyring_comes_from_the_option_before_the_environment()
    {
        using var cli = new CliSession();
        var other = cli.Scratch("other-keyring");

        (await cli.RunAsync("keys", "new", "carol", "--keyring", other)).Ok();

        Assert.True(File.Exists(Path.Combine(other, "carol.pem")));
        Assert.False(File.Exists(Path.Combine(cli.Keyring, "carol.pem")));
        (await cli.RunAsync("keys", "show", "carol")).Failed("no key named 'carol'");
        (await cli.RunAsync("keys", "show", "carol", "--keyring", other)).Ok();
    }

    [Fact]
    public async Task New_refuses_an_existing_name_and_invalid_names()
    {
        using var cli = new CliSession();
        (await cli.RunAsync("keys", "new", "alice")).Ok();
        var before = await File.ReadAllTextAsync(Path.Combine(cli.Keyring, "alice.pem"));

        (await cli.RunAsync("keys", "new", "alice")).Failed("already has a key named 'alice'");
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(cli.Keyring, "alice.pem")));

        (await cli.RunAsync("keys", "new", "Alice")).Failed("not a valid key name");
        (await cli.RunAsync("keys", "new", "../escape")).Failed("not a valid key name");
        (await cli.RunAsync("keys", "new", new string('a', 65))).Failed("not a valid key name");
    }

    [Fact]
    public async Task Unknown_names_and_bad_files_give_readable_errors()
    {
        using var cli = new CliSession();

        (await cli.RunAsync("keys", "show", "nobody")).Failed("no key named 'nobody'");
        (await cli.RunAsync("keys", "export", "nobody")).Failed("roundtable keys new nobody");
        (await cli.RunAsync("keys", "delete", "nobody")).Failed("no key named 'nobody'");
        (await cli.RunAsync("keys", "import", "x", cli.Scratch("missing.pem"))).Failed("does not exist");

        var notAKey = cli.Scratch("not-a-key.pem");
        await File.WriteAllTextAsync(notAKey, "hello");
        (await cli.RunAsync("keys", "import", "x", notAKey)).Failed("does not hold a P-256 private key");
        Assert.False(File.Exists(Path.Combine(cli.Keyring, "x.pem")));

        var json = await cli.RunAsync("--json", "keys", "show", "nobody");
        json.Failed("no key named");
        Assert.Equal("unknown-key", (string?)json.Json()["error"]!["reason"]);
    }

    [Fact]
    public async Task Delete_removes_the_key_file()
    {
        using var cli = new CliSession();
        (await cli.RunAsync("keys", "new", "temp")).Ok();

        var deleted = (await cli.RunAsync("--json", "keys", "delete", "temp")).Ok().Json();

        Assert.True((bool)deleted["deleted"]!);
        Assert.False(File.Exists(Path.Combine(cli.Keyring, "temp.pem")));
        var list = (await cli.RunAsync("--json", "keys", "list")).Ok().Json();
        Assert.Empty(list["keys"]!.AsArray());
    }
}
