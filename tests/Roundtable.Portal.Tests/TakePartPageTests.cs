using System.Text.Json.Nodes;
using Roundtable.Application.Parameters;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Node.Tests.Support;
using Roundtable.Portal.Tests.Support;

namespace Roundtable.Portal.Tests;

/// <summary>
/// The pages where people take part, as the server renders them: every signed form is hidden
/// until the browser's key is found, names its message type, and carries the ids the message
/// needs; the room page's QR code is shown only with the code the address gives.
/// </summary>
[Collection(SeededNodeCollection.Name)]
public sealed class TakePartPageTests(SeededNode seeded)
{
    [Fact]
    public async Task Every_signed_form_is_hidden_until_the_script_finds_a_key_and_says_what_it_sends()
    {
        foreach (var page in new[] { "join", "member", "session", "proposal", "room" })
        {
            var document = Html.Parse(await seeded.PageAsync(seeded.PathOf(page)));
            var forms = document.QuerySelectorAll("form[data-tx]");
            Assert.All(forms, f =>
            {
                Assert.True(f.HasAttribute("hidden"), $"{page}: form {f.Id} is visible without a key.");
                Assert.NotNull(f.QuerySelector("button[type=submit]"));
                Assert.Equal("status", f.QuerySelector(".tx-status")?.GetAttribute("role"));
            });
            Assert.NotNull(document.QuerySelector("aside#key-panel[data-no-key][data-refused]"));
            Assert.NotNull(document.QuerySelector("#key-panel noscript"));
        }
    }

    [Fact]
    public async Task A_member_waiting_for_attestation_is_listed_and_their_page_offers_attestation_by_their_id()
    {
        await using var node = await TestNode.StartAsync(AdmissionRule.Attestation);
        using var newcomer = new Member(node);
        await newcomer.RegisterAsync("Amina");

        var page = Html.Parse(await node.Http.GetStringAsync($"/members/{newcomer.Id}"));
        var form = page.QuerySelector("form[data-tx='attest-affiliation']");
        Assert.Equal(newcomer.Id, form?.QuerySelector("input[name=member]")?.GetAttribute("value"));
        var waiting = Html.Parse(await node.Http.GetStringAsync("/members?lang=en"));
        Assert.Equal("Amina", waiting.QuerySelector("table tbody th a")?.TextContent);
        Assert.StartsWith("0 of ", waiting.QuerySelector("table tbody td:last-child")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_room_page_shows_the_code_as_a_qr_of_the_check_in_address_and_says_whether_it_is_the_code_on_record()
    {
        var right = Html.Parse(await seeded.PageAsync(PageNames.In(seeded.PathOf("room"), "en")));
        var qr = right.QuerySelector("svg.qr-code");
        Assert.Equal("img", qr?.GetAttribute("role"));
        Assert.Contains("LEDGER-7", qr?.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal("LEDGER-7", right.QuerySelector(".code-display")?.TextContent);
        Assert.Contains("is the one the organisers set", right.Body!.TextContent, StringComparison.Ordinal);

        var wrong = Html.Parse(await seeded.PageAsync(PageNames.In($"/sessions/{seeded.SessionId}/room?code=NOPE", "en")));
        Assert.Contains("is not the one on the record", wrong.Body!.TextContent, StringComparison.Ordinal);

        var none = Html.Parse(await seeded.PageAsync($"/sessions/{seeded.SessionId}/room"));
        Assert.Null(none.QuerySelector("svg.qr-code"));
        Assert.Equal(6, none.QuerySelector("input#room-code")?.GetAttribute("value")?.Length);
    }

    [Fact]
    public async Task The_session_page_prefills_the_room_code_from_the_qr_address()
    {
        var document = Html.Parse(await seeded.PageAsync($"/sessions/{seeded.SessionId}?code=LEDGER-7"));

        Assert.Equal("LEDGER-7", document.QuerySelector("form[data-tx='check-in'] input[name=code]")?.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("form[data-tx='check-in'] input[name=mode][value=online]"));
    }

    [Fact]
    public async Task A_member_page_lets_the_member_choose_guardians_and_shows_a_recovery_to_the_guardians_who_approve_it()
    {
        await using var node = await TestNode.StartAsync();
        using var ana = new Member(node);
        using var ben = new Member(node);
        using var cleo = new Member(node);
        await ana.RegisterAsync("Ana");
        await ben.RegisterAsync("Ben");
        await cleo.RegisterAsync("Cleo");
        Hash256[] guardians = [.. new[] { ben, cleo }.Select(m => m.Key.PublicKey.Id).Order()];
        await ana.SendAsync(new SetGuardians(guardians, 2));
        using var newKey = PrivateKey.Generate();
        await ben.SendAsync(new ApproveRecovery(ana.Key.PublicKey.Id, newKey.PublicKey));

        var page = Html.Parse(await node.Http.GetStringAsync($"/members/{ana.Id}?lang=en&recover={newKey.PublicKey}"));

        var choose = page.QuerySelector("form[data-tx='set-guardians']");
        Assert.Equal(ana.Id, choose?.GetAttribute("data-only-for"));
        Assert.Equal([.. guardians.Select(g => g.ToString())], choose!.QuerySelectorAll("input[name=guardian][checked]").Select(i => i.GetAttribute("value")).Order(StringComparer.Ordinal));
        Assert.Equal("2", choose.QuerySelector("input[name=threshold]")?.GetAttribute("value"));
        var approve = page.QuerySelector("form[data-tx='approve-recovery']");
        Assert.Equal(string.Join(' ', guardians), approve?.GetAttribute("data-only-for"));
        Assert.Equal(newKey.PublicKey.ToString(), approve!.QuerySelector("input[name=newKey]")?.GetAttribute("value"));
        Assert.Contains($"1 of the 2 guardians needed approved the key {newKey.PublicKey}", page.QuerySelector("#recovery")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(ana.Id, page.QuerySelector("form[data-tx='cancel-recovery']")?.GetAttribute("data-only-for"));
        Assert.Equal(ana.Id, page.QuerySelector("form[data-tx='revoke-key']")?.GetAttribute("data-only-for"));
        Assert.NotNull(page.QuerySelector("#ask-guardians[data-needs-key='unregistered'] #recover-link"));

        var recovery = JsonNode.Parse(await node.Http.GetStringAsync($"/api/v1/members/{ana.Id}/recovery"))!;
        Assert.Equal(ben.Id, (string?)recovery["approvals"]![0]!["guardian"]);
        Assert.Null(recovery["scheduledKey"]);
    }

    [Fact]
    public async Task A_member_without_guardians_is_warned_that_revoking_the_key_is_final_and_offered_no_recovery()
    {
        await using var node = await TestNode.StartAsync();
        using var ana = new Member(node);
        await ana.RegisterAsync("Ana");

        var page = Html.Parse(await node.Http.GetStringAsync($"/members/{ana.Id}?lang=en"));

        Assert.Equal("none named", page.QuerySelector("#guardian-summary")?.TextContent);
        Assert.Null(page.QuerySelector("form[data-tx='approve-recovery']"));
        Assert.Null(page.QuerySelector("#ask-guardians"));
        Assert.Contains("choose guardians first", page.QuerySelector("form[data-tx='revoke-key']")?.TextContent, StringComparison.Ordinal);
    }
}
