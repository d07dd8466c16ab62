using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Roundtable.BrowserTests.Support;

/// <summary>axe-core's WCAG 2.0/2.1 A and AA rules, run in the page as it is now.</summary>
public static class Accessibility
{
    public static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Fails with every violation's rule, help text and markup, naming <paramref name="what"/>.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(WcagAA);
        Assert.True(result.Violations.Length == 0, $"{what}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }
}
