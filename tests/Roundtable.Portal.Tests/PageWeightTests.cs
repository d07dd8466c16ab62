using System.Globalization;
using System.Net.Http.Headers;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

/// <summary>A first visit (the page and every asset it loads, Brotli-compressed as a browser asks) stays under 100 KB.</summary>
[Collection(SeededNodeCollection.Name)]
public sealed class PageWeightTests(SeededNode seeded)
{
    private const int Budget = 100 * 1024;

    [Theory]
    [MemberData(nameof(PageNames.PagesInEachLanguage), MemberType = typeof(PageNames))]
    public async Task A_first_visit_transfers_under_100_KB_compressed(string page, string language)
    {
        using var http = seeded.NewClient();
        var (html, pageBytes) = await TransferAsync(http, PageNames.In(seeded.PathOf(page), language));
        var document = Html.Parse(html);
        var assets = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .ToList();
        Assert.NotEmpty(assets);

        var total = pageBytes;
        foreach (var asset in assets)
        {
            total += (await TransferAsync(http, asset)).Bytes;
        }

        Report($"portal first visit {page} ({language}): {total:N0} bytes with Brotli ({pageBytes:N0} page + assets)");
        Assert.True(total < Budget, $"{page} ({language}) transfers {total} bytes; the budget is {Budget}.");
    }

    /// <summary>GETs <paramref name="path"/> asking for Brotli; returns the decompressed text and the bytes that crossed the wire.</summary>
    private static async Task<(string Text, long Bytes)> TransferAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var wire = await response.Content.ReadAsByteArrayAsync();
        if (wire.Length > 0)
        {
            Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        }

        await using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli);
        return (await reader.ReadToEndAsync(), wire.Length);
    }

    /// <summary>Adds a measured figure to the lines ./test.sh prints at the end (when it collects them).</summary>
    private static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("ROUNDTABLE_TEST_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
        }
    }
}
