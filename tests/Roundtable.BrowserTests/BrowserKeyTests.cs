using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.BrowserTests.Support;
using Roundtable.Node.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// A member key made and held in Chromium (WebCrypto, IndexedDB), signing transactions that a real
/// node accepts: the private key cannot be read out, the encrypted backup restores it, and every
/// signature is in the chain's low-S form.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BrowserKeyTests(Chromium chromium)
{
    private const string Harness = """
        import { createKey, importBackup, loadKey, forgetKey, sign, lowS, toHex } from '/__modules/member-key.js';
        import { submit, waitForCommit } from '/__modules/ledger-client.js';
        window.harness = {
          async register(name, passphrase) {
            const key = await createKey(name, passphrase);
            const hash = await submit(await loadKey(name), { type: 'register-member', displayName: 'Amina', stakeholderGroup: 'civil-society', region: 'africa', profile: {} });
            const committed = await waitForCommit(hash);
            return { publicKey: key.publicKey, backup: key.backup, code: committed.result.code };
          },
          async extractable(name) {
            const key = await loadKey(name);
            try { await crypto.subtle.exportKey('pkcs8', key.privateKey); return true; } catch { return false; }
          },
          async restoreAndSend(name, backup, passphrase) {
            await forgetKey(name);
            try { await importBackup(name, backup, passphrase); } catch (e) { return { error: e.message }; }
            const hash = await submit(await loadKey(name), { type: 'set-guardians', guardians: [], threshold: 0 });
            return { code: (await waitForCommit(hash)).result.code };
          },
          async highS(name, count) {
            const key = await loadKey(name);
            const half = 0x7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8n;
            let high = 0;
            for (let i = 0; i < count; i++) {
              const rs = await sign(key, new Uint8Array([i, i >> 8]));
              if (BigInt('0x' + toHex(rs.subarray(32))) > half) high++;
            }
            return high;
          },
          mirror(sHex) {
            const rs = new Uint8Array(64);
            rs.set(Uint8Array.from(sHex.match(/../g), (b) => parseInt(b, 16)), 32);
            return toHex(lowS(rs).subarray(32));
          },
        };
        """;

    [Fact]
    public async Task A_key_made_in_the_browser_registers_a_member_and_cannot_be_read_out()
    {
        await using var node = await TestNode.StartAsync();
        await using var page = await ModulePage.OpenAsync(chromium.Browser, node.Config.ApiUrl, Harness);

        var registered = (await page.CallAsync("register", "amina", "correct horse battery"))!;
        var extractable = (bool)(await page.CallAsync("extractable", "amina"))!;
        var account = await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/accounts/{(string)registered["publicKey"]!}");
        var highS = (int)(await page.CallAsync("highS", "amina", 64))!;

        Assert.Equal("ok", (string?)registered["code"]);
        Assert.True((bool)account!["registered"]!);
        Assert.False(extractable);
        Assert.Equal(0, highS);
    }

    [Theory]
    [InlineData("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550", "0000000000000000000000000000000000000000000000000000000000000001")] // n − 1 → 1
    [InlineData("7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a9", "7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8")] // n/2 + 1 → n/2
    [InlineData("7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8", "7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8")] // n/2 stays
    public async Task A_high_s_signature_is_mirrored_to_the_low_s_form_the_chain_accepts(string s, string expected)
    {
        await using var page = await ModulePage.OpenAsync(chromium.Browser, "https://keys.invalid", Harness);

        Assert.Equal(expected, (string?)await page.CallAsync("mirror", s));
    }

    [Fact]
    public async Task The_encrypted_backup_restores_the_key_only_with_its_passphrase()
    {
        await using var node = await TestNode.StartAsync();
        await using var page = await ModulePage.OpenAsync(chromium.Browser, node.Config.ApiUrl, Harness);
        var registered = (await page.CallAsync("register", "kenji", "a long passphrase"))!;
        var backup = (string)registered["backup"]!;

        var wrong = (await page.CallAsync("restoreAndSend", "kenji", backup, "not the passphrase"))!;
        var tampered = (await page.CallAsync("restoreAndSend", "kenji", backup.Replace("\"ciphertext\":\"", "\"ciphertext\":\"AA", StringComparison.Ordinal), "a long passphrase"))!;
        var right = (await page.CallAsync("restoreAndSend", "kenji", backup, "a long passphrase"))!;

        Assert.DoesNotContain("PRIVATE", backup, StringComparison.Ordinal);
        Assert.Equal("The passphrase is wrong, or the backup file was changed.", (string?)wrong["error"]);
        Assert.Equal("The passphrase is wrong, or the backup file was changed.", (string?)tampered["error"]);
        Assert.Equal("ok", (string?)right["code"]);
    }
}
