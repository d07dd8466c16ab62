using System.Text.Json;
using Microsoft.Playwright;

namespace Roundtable.BrowserTests.Support;

/// <summary>
/// The portal's verifier modules loaded in a blank page of their own (served from the test's
/// output folder through Playwright's routing, so no server and no network are involved), with
/// the network switched off once loaded: the browser verifier as a library.
/// </summary>
public sealed class VerifierHarness : IAsyncDisposable
{
    private const string Origin = "https://verifier.invalid";
    private readonly IBrowserContext _context;

    private VerifierHarness(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<VerifierHarness> OpenAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync();
        await context.RouteAsync(Origin + "/**", route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            return path == "/"
                ? route.FulfillAsync(new() { ContentType = "text/html", Body = "<!doctype html><title>verifier</title><script type=\"module\" src=\"/harness.js\"></script>" })
                : path == "/harness.js"
                    ? route.FulfillAsync(new() { ContentType = "text/javascript", Body = Harness })
                    : route.FulfillAsync(new() { ContentType = "text/javascript", Path = Path.Combine(AppContext.BaseDirectory, "js", Path.GetFileName(path)) });
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Origin + "/");
        await page.WaitForFunctionAsync("() => window.verifier !== undefined");
        await context.SetOfflineAsync(true);
        return new VerifierHarness(context, page);
    }

    /// <summary>Decodes and verifies a bundle in the browser: null part when verified, "decode" when it does not decode.</summary>
    public async Task<BrowserVerdict> VerifyAsync(byte[] bundle, string trustHex, string? documentDigestHex = null)
    {
        var json = await Page.EvaluateAsync<string>("([b, t, d]) => window.verifier.run(b, t, d)", new object?[] { Convert.ToHexStringLower(bundle), trustHex, documentDigestHex });
        return JsonSerializer.Deserialize<BrowserVerdict>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private const string Harness = """
        import { decodeBundle } from '/proof-bundle.js';
        import { verifyBundle, checkDocument } from '/proof-verifier.js';
        import { DecodeError } from '/canonical-reader.js';
        import { readAnchorRecord } from '/anchor-record.js';
        const bytes = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
        window.verifier = {
          async run(bundleHex, trust, digest) {
            let bundle;
            try { bundle = await decodeBundle(bytes(bundleHex)); }
            catch (e) { if (e instanceof DecodeError) return JSON.stringify({ decoded: false, reason: e.message }); throw e; }
            const r = await verifyBundle(bundle, trust);
            const checked = r.verified && digest ? checkDocument(r, digest) : null;
            const file = checked?.problem ?? null;
            const anchor = checked?.anchored ? readAnchorRecord(checked.anchored.claim.value) : null;
            return JSON.stringify({ decoded: true, verified: r.verified && file === null, part: file ? 'file' : r.part, reason: file ?? r.reason,
              setChanges: r.validatorSetChanges, claims: r.claims.map((c) => c.description).join('; '),
              anchorTitle: anchor?.metadata.title ?? null, anchorStatus: anchor?.status ?? null, anchorGroup: anchor?.author.group ?? null });
          },
        };
        """;
}

/// <summary>What the browser verifier answered.</summary>
public sealed record BrowserVerdict(bool Decoded, bool Verified, string? Part, string? Reason, int SetChanges, string? Claims, string? AnchorTitle = null, string? AnchorStatus = null, string? AnchorGroup = null);
