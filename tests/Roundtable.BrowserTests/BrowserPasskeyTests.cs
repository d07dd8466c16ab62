using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.BrowserTests.Support;
using Roundtable.Node.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// A passkey made and used in Chromium with its virtual authenticator (CDP WebAuthn domain), as a
/// phone's or security key's passkey would be: the page at http://localhost (WebAuthn refuses IP
/// addresses as relying-party ids) registers a member with it and signs transactions a real node commits.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BrowserPasskeyTests(Chromium chromium)
{
    private const string Harness = """
        import { createPasskey, loadPasskey } from '/__modules/passkey.js';
        import { submit, waitForCommit } from '/__modules/ledger-client.js';
        window.harness = {
          async join(name) {
            const key = await createPasskey(name, { userName: name });
            try {
              const hash = await submit(await loadPasskey(name), { type: 'register-member', displayName: name, stakeholderGroup: 'civil-society', region: 'africa', profile: {} });
              return { publicKey: key.publicKey, rpId: key.rpId, code: (await waitForCommit(hash)).result.code };
            } catch (e) {
              return { publicKey: key.publicKey, rpId: key.rpId, error: e.message, reason: e.reason };
            }
          },
          async send(name, message) {
            const hash = await submit(await loadPasskey(name), message);
            return { code: (await waitForCommit(hash)).result.code };
          },
        };
        """;

    [Fact]
    public async Task A_passkey_registers_a_member_and_signs_a_transaction_that_commits()
    {
        await using var node = await TestNode.StartAsync();
        await using var page = await OpenWithAuthenticatorAsync(node);

        var joined = (await page.CallAsync("join", "Wanjiru"))!;
        var sent = (await page.CallAsync("send", "Wanjiru", new Dictionary<string, object> { ["type"] = "set-guardians", ["guardians"] = Array.Empty<string>(), ["threshold"] = 0 }))!;
        var publicKey = (string)joined["publicKey"]!;
        var account = await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/accounts/{publicKey}");

        Assert.True(joined["code"] is not null, joined.ToJsonString());
        Assert.Equal("ok", (string?)joined["code"]);
        Assert.Equal("localhost", (string?)joined["rpId"]);
        Assert.StartsWith("02", publicKey, StringComparison.Ordinal);
        Assert.Equal("ok", (string?)sent["code"]);
        Assert.True((bool)account!["registered"]!);
        Assert.Equal(2UL, (ulong)account["nextSequence"]!);
    }

    [Fact]
    public async Task A_passkey_for_a_site_the_chain_does_not_allow_is_refused_with_its_reason()
    {
        await using var node = await TestNode.StartAsync(passkeyRelyingParties: ["portal.example.org"]);
        await using var page = await OpenWithAuthenticatorAsync(node);

        var joined = (await page.CallAsync("join", "Mallory"))!;
        var account = await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/accounts/{(string)joined["publicKey"]!}");

        Assert.Equal("relying-party-not-allowed", (string?)joined["reason"]);
        Assert.Contains("portal.example.org", (string?)joined["error"], StringComparison.Ordinal);
        Assert.False((bool)account!["registered"]!);
    }

    /// <summary>The node's API origin under the name localhost, with Chromium's virtual authenticator on the page (user present and verified).</summary>
    private async Task<ModulePage> OpenWithAuthenticatorAsync(TestNode node)
    {
        var origin = node.Config.ApiUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var page = await ModulePage.OpenAsync(chromium.Browser, origin, Harness);
        await VirtualAuthenticator.AttachAsync(page.Context, page.Page);
        return page;
    }
}
