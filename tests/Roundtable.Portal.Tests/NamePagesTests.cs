using System.Net;
using System.Net.Http.Json;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

/// <summary>
/// The names pages, rendered on the server from the seeded chain's genesis zone and its two names:
/// the zone's rules in plain words, each name with its holder, and one name's records and proof.
/// </summary>
[Collection(SeededNodeCollection.Name)]
public sealed class NamePagesTests(SeededNode seeded)
{
    [Fact]
    public async Task The_names_page_explains_the_zone_in_plain_words_and_lists_its_names_with_their_holders()
    {
        var document = Html.Parse(await seeded.PageAsync("/names?lang=en"));
        var main = document.QuerySelector("main")!;
        var text = main.TextContent;

        Assert.Equal("Names", document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Zone forum.internal.", text, StringComparison.Ordinal);
        Assert.Contains("Any member, from any stakeholder group, verified or not.", text, StringComparison.Ordinal);
        Assert.Contains("365 day(s), renewable; after it ends, only the holder may renew it for 30 day(s).", text, StringComparison.Ordinal);
        Assert.Contains("No: answers are not signed.", text, StringComparison.Ordinal);
        Assert.Matches("^/blocks/[1-9][0-9]*$", main.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Last changed at block ", StringComparison.Ordinal)).GetAttribute("href"));
        var dns = (string)(await seeded.Node.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/dns"))!["address"]!;
        var port = dns[(dns.LastIndexOf(':') + 1)..];
        Assert.Contains($"dig @127.0.0.1 -p {port} alice.forum.internal.", text, StringComparison.Ordinal);
        Assert.Contains("This node answers there itself", text, StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector("a[href='/api/v1/dns']"));

        var rows = main.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal([SeededNode.AliceName, SeededNode.HostileName], rows.Select(r => r.QuerySelector("th a")!.TextContent));
        var alice = rows[0];
        Assert.Equal("/names/" + SeededNode.AliceName, alice.QuerySelector("th a")!.GetAttribute("href"));
        var holder = alice.QuerySelectorAll("td a").Single();
        Assert.Equal("Alice", holder.TextContent);
        Assert.Matches("^/members/[0-9a-f]{64}$", holder.GetAttribute("href"));
        Assert.Equal("Yes", alice.QuerySelectorAll("td").Last().TextContent);
        Assert.Equal(SeededNode.Script, rows[1].QuerySelector("td a")!.TextContent);
        Assert.DoesNotContain("Only the first", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_page_shows_its_holder_dates_records_as_text_and_the_state_key_with_its_proof()
    {
        var document = Html.Parse(await seeded.PageAsync(PageNames.In(seeded.PathOf("name"), "en")));
        var main = document.QuerySelector("main")!;

        Assert.Equal(SeededNode.AliceName, document.QuerySelector("h1")!.TextContent);
        var facts = main.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("Alice", facts, StringComparison.Ordinal);
        Assert.Contains("Yes: DNS gives out its records", facts, StringComparison.Ordinal);
        Assert.Contains("Nobody: it is not being handed over.", facts, StringComparison.Ordinal);

        var records = main.QuerySelectorAll("tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim())))
            .ToList();
        Assert.Equal(
            [
                "alice.forum.internal. | A | 10 minute(s) | 192.0.2.1",
                "www.alice.forum.internal. | CNAME | 10 minute(s) | alice.forum.internal.",
                "alice.forum.internal. | TXT | 10 minute(s) | \"hello\"",
            ],
            records);

        Assert.Contains("name/forum.internal./alice", main.TextContent, StringComparison.Ordinal);
        var proof = main.QuerySelectorAll("a").Single(a => a.TextContent == "Download the proof bundle").GetAttribute("href")!;
        Assert.Equal("/api/v1/proofs/state?key=name%2Fforum.internal.%2Falice", proof);
        using var bundle = await seeded.Http.GetAsync(proof);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("/api/v1/names/" + SeededNode.AliceName, main.QuerySelector("p.raw a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_name_is_found_without_its_final_dot_and_in_capitals()
    {
        var document = Html.Parse(await seeded.PageAsync("/names/ALICE.Forum.Internal?lang=en"));

        Assert.Equal(SeededNode.AliceName, document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_name_offered_to_another_member_says_so_and_its_hostile_record_is_text()
    {
        var html = await seeded.PageAsync("/names/" + SeededNode.HostileName + "?lang=en");
        var document = Html.Parse(html);
        var facts = document.QuerySelector("dl.facts")!;

        var offered = facts.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Offered to").NextElementSibling!;
        Assert.Equal("Alice", offered.TextContent.Trim());
        Assert.Matches("^/members/[0-9a-f]{64}$", offered.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(SeededNode.EncodedScript, html, StringComparison.Ordinal);
        Assert.Equal("\"" + SeededNode.Script + "\"", document.QuerySelector("tbody td code")!.TextContent);
    }

    [Fact]
    public async Task The_names_page_is_linked_from_the_sections_menu_and_the_home_page()
    {
        var document = Html.Parse(await seeded.PageAsync("/?lang=fr"));

        Assert.Equal("Noms", document.QuerySelector("nav.sections a[href='/names']")!.TextContent);
        Assert.NotNull(document.QuerySelector("main a[href='/names']"));
        var names = Html.Parse(await seeded.PageAsync("/names/" + SeededNode.AliceName + "?lang=en"));
        Assert.Equal("page", names.QuerySelector("nav.sections a[href='/names']")!.GetAttribute("aria-current"));
    }
}
