using Deque.AxeCore.Playwright;
using Roundtable.BrowserTests.Support;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.0 and 2.1, levels A and AA) on every portal page in both languages, in
/// Chromium, on a phone-sized and a desktop screen, against a node seeded with every kind of record;
/// and on both, nothing spills past the screen's edges.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PortalAccessibilityTests(Chromium chromium, SeededNode seeded) : IClassFixture<SeededNode>
{
    public static TheoryData<string, string> Pages() => PageNames.PagesInEachLanguage();

    [Fact]
    public async Task The_check_itself_finds_a_violation_where_there_is_one()
    {
        var tab = await chromium.Browser.NewPageAsync();
        try
        {
            await tab.SetContentAsync("<!doctype html><html lang=\"en\"><title>t</title><main><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></html>");

            var result = await tab.RunAxe(Accessibility.WcagAA);

            Assert.Contains(result.Violations, v => v.Id == "image-alt");
        }
        finally
        {
            await tab.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_accessibility_violations_on_a_phone_and_a_desktop(string page, string language)
    {
        foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
        {
            var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            try
            {
                var tab = await context.NewPageAsync();
                await tab.GotoAsync(seeded.Node.Config.ApiUrl + PageNames.In(seeded.PathOf(page), language));
                await Accessibility.AssertNoViolationsAsync(tab, $"{page} ({language}, {width} px)");
                await Layout.AssertNothingSpillsSidewaysAsync(tab, $"{page} ({language}, {width} px)");
            }
            finally
            {
                await context.DisposeAsync();
            }
        }
    }
}
