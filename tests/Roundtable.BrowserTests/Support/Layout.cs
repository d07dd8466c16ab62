using Microsoft.Playwright;

namespace Roundtable.BrowserTests.Support;

/// <summary>Checks of a page's layout as laid out by Chromium.</summary>
public static class Layout
{
    // The innermost elements that reach past either edge of the screen, as tag#id.class.
    private const string SpillingElements = """
        () => [...document.body.querySelectorAll('*')]
          .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1); })
          .filter((e, _, all) => !all.some((o) => o !== e && e.contains(o)))
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''}`)
        """;

    /// <summary>Fails, naming the elements, when anything shown reaches past the left or right edge of the screen (a phone would have to scroll sideways).</summary>
    public static async Task AssertNothingSpillsSidewaysAsync(IPage page, string what)
    {
        var spilling = await page.EvaluateAsync<string[]>(SpillingElements);
        Assert.True(spilling.Length == 0, $"{what}: these spill sideways: {string.Join(", ", spilling)}");
    }
}
