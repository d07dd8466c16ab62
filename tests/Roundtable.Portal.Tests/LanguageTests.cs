using Roundtable.Node.Tests.Support;
using Roundtable.Portal.Localization;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

[Collection(SeededNodeCollection.Name)]
public sealed class LanguageTests(SeededNode seeded)
{
    private static readonly LanguageCatalog Catalog = LanguageCatalog.Load();

    [Fact]
    public void Every_language_defines_every_key_and_no_string_is_empty()
    {
        var english = Catalog.Fallback;
        Assert.Equal(["en", "fr"], Catalog.All.Select(l => l.Code));
        foreach (var language in Catalog.All)
        {
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), language.Keys.Order(StringComparer.Ordinal));
            Assert.All(language.Keys, key => Assert.False(string.IsNullOrWhiteSpace(language[key]), $"{language.Code}: '{key}' is empty."));
        }
    }

    [Fact]
    public void Every_string_uses_the_same_placeholders_in_every_language()
    {
        static string[] Placeholders(string text) =>
            [.. TextTemplate.Parse(text).Where(s => s.IsPlaceholder).Select(s => s.Text).Order(StringComparer.Ordinal)];

        foreach (var key in Catalog.Fallback.Keys)
        {
            var expected = Placeholders(Catalog.Fallback[key]);
            Assert.All(Catalog.All, l => Assert.True(expected.SequenceEqual(Placeholders(l[key])), $"{l.Code}: '{key}' has other placeholders than English."));
        }
    }

    [Theory]
    [MemberData(nameof(PageNames.Pages), MemberType = typeof(PageNames))]
    public async Task A_French_page_has_no_English_string_left(string page)
    {
        // Documents people wrote (and the report the chain writes) stay in their own language: only the portal's words are checked.
        var document = Html.Parse(await seeded.PageAsync(PageNames.In(seeded.PathOf(page), "fr")));
        foreach (var written in document.QuerySelectorAll(".document").ToList())
        {
            written.Remove();
        }

        var text = document.Body!.TextContent;
        var french = Catalog.Find("fr")!;

        // Whole English strings (placeholders cut out) that French says differently must not appear.
        var leftovers = Catalog.Fallback.Keys
            .Where(key => Catalog.Fallback[key] != french[key])
            .SelectMany(key => TextTemplate.Parse(Catalog.Fallback[key]).Where(s => !s.IsPlaceholder && s.Text.Trim().Length >= 12 && !french[key].Contains(s.Text.Trim(), StringComparison.Ordinal)).Select(s => s.Text.Trim()))
            .Where(english => text.Contains(english, StringComparison.Ordinal))
            .ToList();
        Assert.True(leftovers.Count == 0, string.Join(" | ", leftovers));
    }

    [Fact]
    public async Task The_language_comes_from_the_query_then_the_cookie_then_Accept_Language()
    {
        using var http = seeded.NewClient();
        Assert.Equal("en", await LangOfAsync(http, "/", null, null));
        Assert.Equal("fr", await LangOfAsync(http, "/", null, "fr-CA,fr;q=0.9,en;q=0.5"));
        Assert.Equal("en", await LangOfAsync(http, "/", null, "de, en;q=0.4"));
        Assert.Equal("fr", await LangOfAsync(http, "/", "roundtable-lang=fr", "en"));
        Assert.Equal("en", await LangOfAsync(http, "/?lang=en", "roundtable-lang=fr", "fr"));

        using var switched = await http.GetAsync("/power?lang=fr");
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith("roundtable-lang=fr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dates_and_numbers_are_written_as_the_reader_writes_them()
    {
        var french = Html.Parse(await seeded.PageAsync(PageNames.In(seeded.PathOf("proposal"), "fr")));
        var english = Html.Parse(await seeded.PageAsync(PageNames.In(seeded.PathOf("proposal"), "en")));
        var month = DateTime.UtcNow.Month - 1;

        Assert.Contains(Catalog.Find("fr")!.Culture.DateTimeFormat.MonthNames[month], french.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Catalog.Fallback.Culture.DateTimeFormat.MonthNames[month], english.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("100\u202F%", french.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("100%", english.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_formats_with_its_own_separators_without_the_operating_system()
    {
        var french = Catalog.Find("fr")!;
        Assert.Equal("1\u202F234\u202F567", french.Number(1_234_567UL)); // narrow no-break spaces: a number never breaks across lines
        Assert.Equal("1,234,567", Catalog.Fallback.Number(1_234_567UL));
        Assert.Equal("1 mars 2026 à 14:02 UTC", french.DateTime((ulong)new DateTimeOffset(2026, 3, 1, 14, 2, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        Assert.Equal("1 March 2026, 14:02 UTC", Catalog.Fallback.DateTime((ulong)new DateTimeOffset(2026, 3, 1, 14, 2, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void A_language_file_dropped_in_the_folder_is_offered_and_an_incomplete_one_is_refused_by_name()
    {
        var folder = Directory.CreateTempSubdirectory("roundtable-languages-").FullName;
        try
        {
            RightToLeftLanguage.WriteInto(folder);
            var catalog = LanguageCatalog.Load(folder);
            Assert.Equal(["en", "ar", "fr"], catalog.All.Select(l => l.Code));
            Assert.Equal("rtl", catalog.Find("ar")!.Direction);

            var incomplete = RightToLeftLanguage.FromEnglish();
            incomplete["strings"]!.AsObject().Remove("nav.join");
            File.WriteAllText(Path.Combine(folder, "ar.json"), incomplete.ToJsonString());
            var error = Assert.Throws<InvalidDataException>(() => LanguageCatalog.Load(folder));
            Assert.Contains("ar.json", error.Message, StringComparison.Ordinal);
            Assert.Contains("nav.join", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_right_to_left_language_mirrors_the_page_and_its_charts_draw_bars_from_the_right()
    {
        var root = Path.Combine(Path.GetTempPath(), "roundtable-node-test-" + Path.GetRandomFileName());
        RightToLeftLanguage.WriteInto(Path.Combine(root, "config", "languages"));
        await using var node = await TestNode.StartAsync(root: root);

        var mirrored = Html.Parse(await node.Http.GetStringAsync("/power?lang=ar"));
        var plain = Html.Parse(await node.Http.GetStringAsync("/power?lang=en"));

        Assert.Equal("rtl", mirrored.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ltr", plain.DocumentElement.GetAttribute("dir"));
        static decimal Number(AngleSharp.Dom.IElement e, string name) => decimal.Parse(e.GetAttribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
        static (decimal X, decimal Width, string? TextX) FirstBar(AngleSharp.Dom.IDocument page)
        {
            var chart = page.QuerySelector("svg[role=img]")!;
            var bar = chart.QuerySelectorAll("rect[class^='bar-']").First(b => Number(b, "width") > 0);
            return (Number(bar, "x"), Number(bar, "width"), chart.QuerySelector("text")?.GetAttribute("x"));
        }

        var (x, width, textX) = FirstBar(mirrored);
        Assert.Equal(400m, x + width);
        Assert.Equal("400", textX);
        Assert.Equal((0m, width, "0"), FirstBar(plain));
    }

    private static async Task<string?> LangOfAsync(HttpClient http, string path, string? cookie, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await http.SendAsync(request);
        return Html.Parse(await response.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang");
    }
}