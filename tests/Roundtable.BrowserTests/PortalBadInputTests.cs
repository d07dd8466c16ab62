using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Sessions.Building;
using Roundtable.BrowserTests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Node.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// Bad input through the portal, in Chromium against a real node: the chain's refusal reaches the
/// person in plain words and changes nothing, and a script typed into a profile field or a comment
/// is shown as text and never runs.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PortalBadInputTests(Chromium chromium)
{
    private const string Hostile = "<script>window.__ran = 1</script><img src=x onerror=\"window.__ran = 2\">";

    [Fact]
    public async Task A_wrong_room_code_is_refused_in_plain_words_and_nobody_is_checked_in()
    {
        await using var node = await TestNode.StartAsync();
        var session = await SessionWithCodeAsync(node, "RIGHT-1");
        await using var person = await PortalPerson.OpenAsync(chromium.Browser, node.Config.ApiUrl);
        await person.JoinAsync("correct horse battery", "Kenji", "technical", "asia-pacific");

        await person.GoAsync($"/sessions/{session}");
        await person.Page.FillAsync("#check-in-code", "WRONG-2");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => person.SendAsync("#check-in-form"));

        // The node refuses it on arrival (its check against the code's commitment runs before any block).
        Assert.Matches("Not sent: .*code", refused.Message);
        var json = await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/sessions/{session}");
        Assert.Equal(0, (int)json!["participants"]!);
    }

    [Fact]
    public async Task A_script_typed_into_a_profile_field_or_a_comment_is_shown_as_text_and_never_runs()
    {
        await using var node = await TestNode.StartAsync(governancePeriodSeconds: 600);
        await using var person = await PortalPerson.OpenAsync(chromium.Browser, node.Config.ApiUrl);
        var memberId = await person.JoinAsync("correct horse battery", "Kenji", "technical", "asia-pacific", ("website", Hostile));
        var proposal = await ProposalInDeliberationAsync(node);

        await person.GoAsync($"/proposals/{proposal}");
        await person.Page.FillAsync("#comment-text", Hostile);
        await person.SendAsync("#comment");

        foreach (var path in new[] { $"/members/{memberId}", $"/proposals/{proposal}" })
        {
            await person.GoAsync(path);
            Assert.Contains(Hostile, await person.Page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.Null(await person.Page.EvaluateAsync<int?>("() => window.__ran ?? null"));
        }
    }

    private static async Task<Hash256> SessionWithCodeAsync(TestNode node, string code)
    {
        using var organiser = new Member(node);
        await organiser.RegisterAsync("Organiser");
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var session = CreateSession.IdFor(organiser.Key.PublicKey.Id, organiser.Sequence);
        await organiser.SendAsync(new SessionBuilder("Room codes").Scheduled(now, now + 3_600_000).Build());
        await organiser.SendAsync(SessionMessages.RoomCode(session, code));
        return session;
    }

    private static async Task<Hash256> ProposalInDeliberationAsync(TestNode node)
    {
        using var author = new Member(node);
        await author.RegisterAsync("Author");
        var proposal = ProposalId.For(author.Key.PublicKey.Id, author.Sequence);
        await author.SendAsync(Application.Governance.Proposals.GovernanceMessages.Recommendation("Open minutes", "# Minutes\n\nPublished within a week.\n"));
        return proposal;
    }
}
