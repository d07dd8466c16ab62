using System.Net;
using System.Text.RegularExpressions;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

[Collection(SeededNodeCollection.Name)]
public sealed partial class AssetTests(SeededNode seeded)
{
    [Fact]
    public async Task The_stylesheet_is_served_from_the_assembly_with_an_ETag_and_a_year_of_cache_when_versioned()
    {
        using var http = seeded.NewClient();
        var href = Html.Parse(await seeded.PageAsync("/")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(VersionedCss(), href);

        using var versioned = await http.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("text/css; charset=utf-8", versioned.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        var etag = versioned.Headers.ETag!;
        Assert.Equal("nosniff", string.Join(",", versioned.Headers.GetValues("X-Content-Type-Options")));

        using var unversioned = await http.GetAsync("/assets/site.css");
        Assert.Equal("public, no-cache", unversioned.Headers.CacheControl?.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/assets/site.css");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_stylesheet_uses_logical_properties_respects_reduced_motion_and_loads_no_font()
    {
        var css = await seeded.Http.GetStringAsync("/assets/site.css");

        Assert.Contains("@media (prefers-reduced-motion: reduce)", css, StringComparison.Ordinal);
        Assert.Contains(":focus-visible", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", css, StringComparison.Ordinal);
        Assert.DoesNotMatch(PhysicalSide(), css);
    }

    [GeneratedRegex(@"^/assets/site\.css\?v=[0-9a-f]{16}$")]
    private static partial Regex VersionedCss();

    // margin-left, padding-right, left:, text-align: right … would not flip right to left.
    [GeneratedRegex(@"(margin|padding|border)-(left|right)|[^-](left|right)\s*:|text-align:\s*(left|right)")]
    private static partial Regex PhysicalSide();
}
