using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Roundtable.BrowserTests.Support;

/// <summary>
/// A blank page on an origin whose script imports the portal's ES modules (served
/// from the test's output folder through Playwright's routing under <c>/__modules/</c>) and puts
/// what a test needs on <c>window.harness</c>. On a node's origin, the modules' API calls reach the
/// real node; on an invalid origin nothing reaches any server.
/// </summary>
public sealed class ModulePage : IAsyncDisposable
{
    private const string Prefix = "/__modules/";
    private readonly IBrowserContext _context;

    private ModulePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public IBrowserContext Context => _context;

    /// <summary>Opens the page; <paramref name="harnessScript"/> is an ES module importing from <c>/__modules/&lt;file&gt;.js</c> that sets <c>window.harness</c>.</summary>
    public static async Task<ModulePage> OpenAsync(IBrowser browser, string origin, string harnessScript)
    {
        var context = await browser.NewContextAsync();
        await context.RouteAsync(origin + Prefix + "**", route =>
        {
            var file = Path.GetFileName(new Uri(route.Request.Url).AbsolutePath);
            return file switch
            {
                "index.html" => route.FulfillAsync(new() { ContentType = "text/html", Body = $"<!doctype html><title>harness</title><script type=\"module\" src=\"{Prefix}harness.js\"></script>" }),
                "harness.js" => route.FulfillAsync(new() { ContentType = "text/javascript", Body = harnessScript }),
                _ => route.FulfillAsync(new() { ContentType = "text/javascript", Path = Path.Combine(AppContext.BaseDirectory, "js", file) }),
            };
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(origin + Prefix + "index.html");
        await page.WaitForFunctionAsync("() => window.harness !== undefined");
        return new ModulePage(context, page);
    }

    /// <summary>Calls <c>window.harness[function](...args)</c> and returns its result through JSON.</summary>
    public async Task<JsonNode?> CallAsync(string function, params object?[] args) =>
        JsonNode.Parse(await Page.EvaluateAsync<string>("async ([f, a]) => JSON.stringify(await window.harness[f](...a)) ?? 'null'", new object[] { function, args }));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
