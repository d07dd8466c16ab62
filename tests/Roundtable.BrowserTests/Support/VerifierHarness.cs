using System.Text.Json;
using Microsoft.Playwright;

namespace Roundtable.BrowserTests.Support;

/// <summary>
/// The portal's verifier modules in a page of their own on an origin no server answers, with the
/// network switched off once loaded: the browser verifier as a library.
/// </summary>
public sealed class VerifierHarness : IAsyncDisposable
{
    private readonly ModulePage _page;

    private VerifierHarness(ModulePage page)
    {
        _page = page;
    }

    public static async Task<VerifierHarness> OpenAsync(IBrowser browser)
    {
        var page = await ModulePage.OpenAsync(browser, "https://verifier.invalid", Harness);
        await page.Context.SetOfflineAsync(true);
        return new VerifierHarness(page);
    }

    /// <summary>Decodes and verifies a bundle in the browser: null part when verified, "decode" when it does not decode.</summary>
    public async Task<BrowserVerdict> VerifyAsync(byte[] bundle, string trustHex, string? documentDigestHex = null)
    {
        var json = await _page.Page.EvaluateAsync<string>("([b, t, d]) => window.harness.run(b, t, d)", new object?[] { Convert.ToHexStringLower(bundle), trustHex, documentDigestHex });
        return JsonSerializer.Deserialize<BrowserVerdict>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public ValueTask DisposeAsync() => _page.DisposeAsync();

    private const string Harness = """
        import { decodeBundle } from '/__modules/proof-bundle.js';
        import { verifyBundle, checkDocument } from '/__modules/proof-verifier.js';
        import { DecodeError } from '/__modules/canonical-reader.js';
        import { readAnchorRecord } from '/__modules/anchor-record.js';
        const bytes = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
        window.harness = {
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
