using System.Text.Json.Nodes;
using Roundtable.BrowserTests.Support;
using Roundtable.Node.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// The way back from a lost device, through the pages in Chromium against a real node: a member
/// names two guardians, loses the browser that held her key, makes a new key on another and sends
/// her guardians the link her page shows; both approve it from their own browsers, and after the
/// chain's recovery delay the new browser holds her membership.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PortalRecoveryTests(Chromium chromium)
{
    [Fact]
    public async Task A_member_who_lost_her_device_is_let_back_in_by_her_guardians_from_their_own_browsers()
    {
        await using var node = await TestNode.StartAsync(recoveryDelaySeconds: 2);
        await using var ana = await PortalPerson.OpenAsync(chromium.Browser, node.Config.ApiUrl);
        await using var ben = await PortalPerson.OpenAsync(chromium.Browser, node.Config.ApiUrl);
        await using var cleo = await PortalPerson.OpenAsync(chromium.Browser, node.Config.ApiUrl);
        var anaId = await ana.JoinAsync("ana's first passphrase", "Ana", "civil-society", "africa");
        var benId = await ben.JoinAsync("ben's passphrase", "Ben", "technical", "western-europe-others");
        var cleoId = await cleo.JoinAsync("cleo's passphrase", "Cleo", "government", "latin-america-caribbean");

        await ana.GoAsync($"/members/{anaId}");
        await ana.Page.CheckAsync($"#guardian-{benId}");
        await ana.Page.CheckAsync($"#guardian-{cleoId}");
        await ana.Page.FillAsync("#guardian-threshold", "2");
        await ana.SendAsync("#set-guardians");
        await ana.GoAsync($"/members/{anaId}");
        Assert.Equal("2, of whom 2 must agree", await ana.Page.InnerTextAsync("#guardian-summary"));

        // Her device is gone: a new browser, a new key, not registered.
        await using var anaAgain = await PortalPerson.OpenAsync(chromium.Browser, node.Config.ApiUrl);
        await anaAgain.MakeKeyAsync("ana's new passphrase");
        await anaAgain.GoAsync($"/members/{anaId}");
        await anaAgain.Page.WaitForSelectorAsync("#ask-guardians:not([hidden])");
        var link = new Uri(await anaAgain.Page.InnerTextAsync("#recover-link"));
        var newKey = link.Query["?recover=".Length..];
        await Accessibility.AssertNoViolationsAsync(anaAgain.Page, "a member page asking guardians for a new key");

        // A key that is no key is refused in plain words and changes nothing.
        await ben.GoAsync($"/members/{anaId}");
        await ben.Page.FillAsync("#recover-key", "01not-a-key");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ben.SendAsync("#approve-recovery"));
        Assert.Contains("Not sent:", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Recovery(await node.Http.GetStringAsync($"/api/v1/members/{anaId}/recovery"))["approvals"]!.AsArray());

        foreach (var guardian in new[] { ben, cleo })
        {
            await guardian.GoAsync(link.PathAndQuery);
            Assert.Equal(newKey, await guardian.Page.InputValueAsync("#recover-key"));
            await guardian.SendAsync("#approve-recovery");
        }

        await cleo.GoAsync($"/members/{anaId}");
        Assert.Contains("Enough guardians agree", await cleo.Page.InnerTextAsync("#recovery"), StringComparison.Ordinal);

        await WaitUntilAsync(async () => (string?)Recovery(await node.Http.GetStringAsync($"/api/v1/accounts/{newKey}"))["memberId"] == anaId);
        await anaAgain.GoAsync($"/members/{anaId}");
        Assert.Equal("This browser holds the key of Ana (verified member).", await anaAgain.Page.InnerTextAsync("#key-panel .key-status"));
        Assert.False(await anaAgain.Page.IsHiddenAsync("#set-guardians"));
    }

    private static JsonNode Recovery(string json) => JsonNode.Parse(json)!;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(200, timeout.Token);
        }
    }
}
