using Microsoft.Playwright;
using Roundtable.BrowserTests.Support;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// Every page laid out right to left, in Chromium on a phone-sized screen, in a right-to-left
/// language added to the seeded node as a file: the page is mirrored (sections menu and headings
/// start at the right), nothing spills sideways, and axe-core still finds no violation.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PortalRightToLeftTests(Chromium chromium, SeededNode seeded) : IClassFixture<SeededNode>
{
    public static TheoryData<string> Pages() => PageNames.Pages();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_is_mirrored_right_to_left_without_spilling_sideways(string page)
    {
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } });
        try
        {
            var tab = await context.NewPageAsync();
            await tab.GotoAsync(seeded.Node.Config.ApiUrl + PageNames.In(seeded.PathOf(page), RightToLeftLanguage.Code));

            Assert.Equal("rtl", await tab.GetAttributeAsync("html", "dir"));
            var links = tab.Locator("nav.sections a");
            var first = await BoxAsync(links.First);
            var last = await BoxAsync(links.Last);
            Assert.True(first.Y < last.Y || first.X > last.X, $"{page}: the sections menu does not start at the right.");
            var heading = await BoxAsync(tab.Locator("main h1"));
            Assert.True(heading.X + heading.Width > 360 - 48, $"{page}: the heading does not start at the right edge ({heading.X} + {heading.Width}).");
            await Layout.AssertNothingSpillsSidewaysAsync(tab, page);
            await Accessibility.AssertNoViolationsAsync(tab, $"{page} (right to left, 360 px)");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not shown.");
}
