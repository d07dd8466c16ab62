using System.Net;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

/// <summary>Unknown ids and heights get a plain not-found page; malformed input a plain message; never a stack trace.</summary>
[Collection(SeededNodeCollection.Name)]
public sealed class BadInputTests(SeededNode seeded)
{
    private static readonly string Zeros = new('0', 64);

    [Theory]
    [InlineData("/blocks/999999", HttpStatusCode.NotFound, "There is no block at height 999999 yet.")]
    [InlineData("/blocks/abc", HttpStatusCode.BadRequest, "“abc” is not a block height.")]
    [InlineData("/blocks/0", HttpStatusCode.BadRequest, "“0” is not a block height.")]
    [InlineData("/blocks?from=x", HttpStatusCode.BadRequest, "“x” is not a block height on this chain.")]
    [InlineData("/txs/zz", HttpStatusCode.BadRequest, "“zz” is not a transaction hash.")]
    [InlineData("/txs/" + "0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound, "This node knows no transaction")]
    [InlineData("/proposals/not-an-id", HttpStatusCode.BadRequest, "“not-an-id” is not an id.")]
    [InlineData("/proposals/" + "0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound, "There is no proposal")]
    [InlineData("/sessions/123", HttpStatusCode.BadRequest, "“123” is not an id.")]
    [InlineData("/sessions/" + "0000000000000000000000000000000000000000000000000000000000000000" + "/report", HttpStatusCode.NotFound, "There is no session")]
    [InlineData("/anchors/abc", HttpStatusCode.BadRequest, "“abc” is not a SHA-256 fingerprint")]
    [InlineData("/anchors/" + "0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound, "No document with the fingerprint")]
    [InlineData("/names/not_a%20name!", HttpStatusCode.BadRequest, "“not_a name!” is not a name that can be registered here.")]
    [InlineData("/names/forum", HttpStatusCode.BadRequest, "“forum” is not a name that can be registered here.")]
    [InlineData("/names/nobody.forum.internal.", HttpStatusCode.NotFound, "Nobody holds the name nobody.forum.internal. on this network.")]
    [InlineData("/names/alice.no-such-zone.internal", HttpStatusCode.NotFound, "Nobody holds the name alice.no-such-zone.internal. on this network.")]
    [InlineData("/no/such/page", HttpStatusCode.NotFound, "There is no page at /no/such/page.")]
    [InlineData("/assets/no-such.css", HttpStatusCode.NotFound, "There is no page at /assets/no-such.css.")]
    public async Task A_bad_address_gets_a_plain_message_with_the_right_status(string path, HttpStatusCode status, string message)
    {
        using var http = seeded.NewClient();
        using var response = await http.GetAsync(PageNames.In(path, "en"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains(message, Html.Parse(html).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Roundtable.", html, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task A_malformed_digest_in_the_look_up_form_is_explained_beside_the_field()
    {
        using var http = seeded.NewClient();
        using var response = await http.GetAsync("/anchors?lang=en&digest=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        var document = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var field = document.QuerySelector("input#digest")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal(SeededNode.Script, field.GetAttribute("value"));
        Assert.Contains("digest-problem", field.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains("must be exactly 64 characters", document.GetElementById("digest-problem")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_digest_in_the_look_up_form_goes_to_its_page()
    {
        using var http = seeded.NewClient();
        using var response = await http.GetAsync($"/anchors?digest=%20{seeded.AnchorDigest.ToString().ToUpperInvariant()}%20");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/anchors/{seeded.AnchorDigest}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_API_keeps_its_JSON_problems_beside_the_portal()
    {
        using var http = seeded.NewClient();
        using var response = await http.GetAsync("/api/v1/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var block = await http.GetAsync($"/api/v1/blocks/{Zeros}");
        Assert.Equal("application/problem+json", block.Content.Headers.ContentType?.MediaType);
    }
}
