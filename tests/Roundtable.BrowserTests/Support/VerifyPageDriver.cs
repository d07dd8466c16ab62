using Microsoft.Playwright;

namespace Roundtable.BrowserTests.Support;

/// <summary>Drives the portal's verify page: gives it a bundle and a document, runs the check, reads the verdict.</summary>
public static class VerifyPageDriver
{
    public static async Task<(string? Verdict, string Text)> VerifyAsync(IPage page, byte[] bundle, byte[] document)
    {
        await page.Locator("#verify-result").EvaluateAsync("e => { e.textContent = ''; delete e.dataset.verdict; }");
        await page.SetInputFilesAsync("#verify-bundle", new FilePayload { Name = "minutes.rtproof", MimeType = "application/vnd.roundtable.proof-bundle", Buffer = bundle });
        await page.SetInputFilesAsync("#verify-file", new FilePayload { Name = "minutes.txt", MimeType = "text/plain", Buffer = document });
        await page.ClickAsync("#verify-run");
        await page.WaitForSelectorAsync("#verify-result[data-verdict]");
        var result = page.Locator("#verify-result");
        return (await result.GetAttributeAsync("data-verdict"), await result.InnerTextAsync());
    }
}
