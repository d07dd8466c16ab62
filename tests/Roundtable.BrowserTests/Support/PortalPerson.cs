using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Roundtable.BrowserTests.Support;

/// <summary>
/// One person at the portal: a browser context of their own (their own IndexedDB, so their own
/// key) and a page, with the steps every journey repeats: open a page, send a signed form and
/// read what the page says back.
/// </summary>
public sealed class PortalPerson : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private PortalPerson(IBrowserContext context, IPage page, string portal)
    {
        _context = context;
        Page = page;
        Portal = portal;
    }

    public IPage Page { get; }

    public string Portal { get; }

    public IBrowserContext Context => _context;

    public static async Task<PortalPerson> OpenAsync(IBrowser browser, string portal)
    {
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        return new PortalPerson(context, await context.NewPageAsync(), portal);
    }

    /// <summary>Opens <paramref name="path"/> in English and waits until the key panel has found (or not found) the key.</summary>
    public async Task GoAsync(string path)
    {
        var url = Portal + path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en";
        try
        {
            await Page.GotoAsync(url);
        }
        catch (PlaywrightException e) when (e.Message.Contains("net::ERR_ABORTED", StringComparison.Ordinal))
        {
            // A page reloads itself 1.5 s after a recorded transaction (tx-forms.js afterCommit); a
            // reload that starts just as this navigation does cancels it. Once is all it can.
            await Page.GotoAsync(url);
        }

        await WaitForKeyPanelAsync();
    }

    public Task WaitForKeyPanelAsync() =>
        Page.WaitForFunctionAsync("() => { const s = document.querySelector('#key-panel .key-status'); return !s || !s.textContent.startsWith('Looking'); }");

    /// <summary>
    /// Makes a key on the join page (its backup file is downloaded at once and checked), registers
    /// with <paramref name="profile"/> as the published fields, and returns the member id from the page it lands on.
    /// </summary>
    public async Task<string> JoinAsync(string passphrase, string name, string group, string region, params (string Name, string Value)[] profile)
    {
        await MakeKeyAsync(passphrase);
        await Accessibility.AssertNoViolationsAsync(Page, "the join page with a key to register");
        await Page.FillAsync("#register-name", name);
        await Page.SelectOptionAsync("#register-group", group);
        await Page.SelectOptionAsync("#register-region", region);
        for (var i = 0; i < profile.Length; i++)
        {
            await Page.FillAsync($"#profile-name-{i + 1}", profile[i].Name);
            await Page.FillAsync($"#profile-value-{i + 1}", profile[i].Value);
        }

        await Page.ClickAsync("#register button[type=submit]");
        await Page.WaitForURLAsync("**/members/*", new() { Timeout = 60_000 });
        await WaitForKeyPanelAsync();
        return new Uri(Page.Url).Segments[^1];
    }

    /// <summary>
    /// Makes a passkey on the join page (a virtual authenticator must be attached; the page must be
    /// at localhost, as WebAuthn requires), registers and returns the member id from the page it lands on.
    /// </summary>
    public async Task<string> JoinWithPasskeyAsync(string name, string group, string region)
    {
        await GoAsync("/join");
        await Page.ClickAsync("#make-passkey");
        await Page.WaitForSelectorAsync("#register:not([hidden])");
        await Page.FillAsync("#register-name", name);
        await Page.SelectOptionAsync("#register-group", group);
        await Page.SelectOptionAsync("#register-region", region);
        await Page.ClickAsync("#register button[type=submit]");
        await Page.WaitForURLAsync("**/members/*", new() { Timeout = 60_000 });
        await WaitForKeyPanelAsync();
        return new Uri(Page.Url).Segments[^1];
    }

    /// <summary>Makes a key on the join page (its backup file is downloaded at once and checked) and waits until the page offers to register it.</summary>
    public async Task MakeKeyAsync(string passphrase)
    {
        await GoAsync("/join");
        await Page.FillAsync("#make-passphrase", passphrase);
        await Page.FillAsync("#make-passphrase-again", passphrase);
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#make-key button[type=submit]"));
        var backup = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!;
        Assert.Equal("roundtable-key-backup", (string?)backup["format"]);
        await Page.WaitForSelectorAsync("#register:not([hidden])");
    }

    /// <summary>Submits the form <paramref name="formSelector"/> with a click and returns what it says once recorded; fails with the page's words if refused.</summary>
    public async Task<string> SendAsync(string formSelector)
    {
        await Page.ClickAsync($"{formSelector} button[type=submit]");
        return await OutcomeAsync(formSelector);
    }

    /// <summary>Waits for the form's status to say recorded or refused.</summary>
    public async Task<string> OutcomeAsync(string formSelector)
    {
        var status = Page.Locator($"{formSelector} .tx-status");
        await Page.WaitForSelectorAsync($"{formSelector} .tx-status.recorded, {formSelector} .tx-status.refused", new() { Timeout = 60_000 });
        var text = await status.InnerTextAsync();
        if ((await status.GetAttributeAsync("class"))!.Contains("refused", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The portal refused {formSelector}: {text}");
        }

        return text;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
