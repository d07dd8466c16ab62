using System.Diagnostics;
using Microsoft.Playwright;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Bench;

/// <summary>
/// The portal on a slow link (docs/portal.md): each main page loaded in Debian's headless Chromium,
/// cache disabled, over Chrome DevTools' "Slow 3G" profile (2,000 ms latency, 50 KB/s each way),
/// against a real node on loopback. The ceiling in the same run is one round trip plus the
/// transferred bytes at the link's rate; a page that loads its stylesheet and scripts after the
/// HTML needs at least two round trips, so a ratio near 2 is the best such a page can do.
/// </summary>
internal static class PortalBench
{
    private const int LatencyMs = 2_000;
    private const int BytesPerSecond = 50 * 1024;

    public static void Run(bool quick) => RunAsync(quick).GetAwaiter().GetResult();

    private static async Task RunAsync(bool quick)
    {
        var rounds = quick ? 1 : 3;
        await using var node = await TestNode.StartAsync();
        var digest = await SeedAsync(node);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        foreach (var path in new[] { "/", "/blocks", "/blocks/2", "/power", "/proposals", "/sessions", $"/anchors/{digest}", "/verify" })
        {
            var samples = new List<(double Ms, long Bytes, int Requests)>();
            for (var r = 0; r < rounds; r++)
            {
                samples.Add(await LoadAsync(browser, node.Config.ApiUrl + path));
            }

            var ms = Measure.Median(samples.Select(s => s.Ms));
            var bytes = samples[0].Bytes;
            var ceiling = LatencyMs + (bytes * 1000.0 / BytesPerSecond);
            Report.Row(
                "portal",
                $"{(path.Length > 24 ? path[..24] + "…" : path)} on Slow 3G, cold cache ({samples[0].Requests} requests, {Report.Num(bytes)} bytes transferred)",
                Report.Ms(ms),
                $"1 round trip + bytes = {Report.Ms(ceiling)}",
                Report.Ratio(ms / ceiling));
        }
    }

    private static async Task<(double Ms, long Bytes, int Requests)> LoadAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = LatencyMs,
            ["downloadThroughput"] = BytesPerSecond,
            ["uploadThroughput"] = BytesPerSecond,
        });
        long bytes = 0;
        var requests = 0;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            Interlocked.Add(ref bytes, (long)e!.Value.GetProperty("encodedDataLength").GetDouble());
            Interlocked.Increment(ref requests);
        };
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        var ms = clock.Elapsed.TotalMilliseconds;
        return (ms, Interlocked.Read(ref bytes), requests);
    }

    /// <summary>A member and an anchored document, so the block and anchor pages have something to say.</summary>
    private static async Task<Hash256> SeedAsync(TestNode node)
    {
        using var member = new Member(node);
        await member.RegisterAsync("Amina");
        var digest = Hash256.Compute("minutes"u8);
        var anchor = member.Sign(new AnchorDocument(digest, new AnchorMetadata("Minutes of the round table", "text/plain", 7, null, []), []));
        using var response = await Member.PostBytesAsync(node.Http, anchor.Encoded.ToArray());
        response.EnsureSuccessStatusCode();
        await node.WaitForCommitAsync(anchor.Hash.ToString());
        return digest;
    }
}
