using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Sessions.Building;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Messages.WorkingGroups;
using Roundtable.Node.PersonalData;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class ApiSessionTests
{
    private static async Task SendOkAsync(TestNode node, Member member, TxMessage message)
    {
        var tx = member.Sign(message);
        using var response = await Member.PostBytesAsync(node.Http, tx.Encoded.ToArray());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var committed = await node.WaitForCommitAsync(tx.Hash.ToString());
        Assert.True((bool)committed["result"]!["ok"]!, (string?)committed["result"]!["reason"]);
        member.Sequence++;
    }

    /// <summary>Block time follows the validators' clocks after the first block (which carries the genesis time): the later of the two.</summary>
    private static async Task<ulong> NowAsync(TestNode node)
    {
        var latest = DateTimeOffset.Parse((string)(await node.StatusAsync())["latestBlockTime"]!, CultureInfo.InvariantCulture);
        return (ulong)Math.Max(latest.ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_session_runs_check_in_and_a_ranked_poll_and_its_report_is_served_as_Markdown()
    {
        await using var node = await TestNode.StartAsync();
        using var organiser = new Member(node);
        using var civil = new Member(node);
        using var business = new Member(node);
        await SendOkAsync(node, organiser, new RegisterMember("Olu", "government", "africa", []));
        await SendOkAsync(node, civil, new RegisterMember("Carmen", "civil-society", "latin-america-caribbean", []));
        await SendOkAsync(node, business, new RegisterMember("Kenji", "private-sector", "asia-pacific", []));

        var now = await NowAsync(node);
        var sessionId = CreateSession.IdFor(organiser.Key.PublicKey.Id, organiser.Sequence);
        await SendOkAsync(node, organiser, new SessionBuilder("How blockchain works in Internet governance innovation")
            .Scheduled(now, now + 86_400_000).AllowOnline()
            .Speaker("Amina Diallo", "civil-society", "africa")
            .Speaker("Olu", "government", "africa", organiser.Key.PublicKey.Id)
            .PolicyQuestion("Which practice should the coalition recommend?")
            .Build());
        await SendOkAsync(node, organiser, SessionMessages.RoomCode(sessionId, "LEDGER-7"));
        await SendOkAsync(node, civil, SessionMessages.OnSite(sessionId, "LEDGER-7", FreshDisclosure.Of(CheckIn.GenderField, "woman").Commitment));
        await SendOkAsync(node, business, SessionMessages.Online(sessionId));
        await SendOkAsync(node, organiser, SessionMessages.Poll(sessionId, "Best practice for key custody?", PollMethod.Ranked, "Hardware keys", "Guardian recovery"));
        await SendOkAsync(node, organiser, new OpenPoll(sessionId, 0));
        await SendOkAsync(node, civil, SessionMessages.Rank(sessionId, 0, 2, 1, 0));
        await SendOkAsync(node, business, SessionMessages.Rank(sessionId, 0, 2, 1, 0));
        await SendOkAsync(node, organiser, new ClosePoll(sessionId, 0));

        var list = (await node.Http.GetFromJsonAsync<JsonObject>("/api/v1/sessions"))!;
        var detail = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/sessions/{sessionId}"))!;
        using var report = await node.Http.GetAsync($"/api/v1/sessions/{sessionId}/report");
        var markdown = await report.Content.ReadAsStringAsync();

        Assert.Equal(sessionId.ToString(), (string?)list["sessions"]![0]!["id"]);
        Assert.Equal(2, detail["checkedIn"]!.AsArray().Count);
        Assert.Equal("Guardian recovery", (string?)detail["pollDetails"]![0]!["outcome"]!["winner"]);
        Assert.Equal("text/markdown", report.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# How blockchain works in Internet governance innovation\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Civil society | 1 |", markdown, StringComparison.Ordinal);
        // The check-in carried only the gender's commitment and this node never received its value.
        Assert.DoesNotContain("woman", markdown, StringComparison.Ordinal);
        Assert.Contains("| not available | 1 |", markdown, StringComparison.Ordinal);
        var carmen = detail["checkedIn"]!.AsArray().Single(p => (string?)p!["member"] == civil.Id)!;
        Assert.Equal("not available", (string?)carmen["declaredGender"]!["status"]);
        Assert.Contains("| not declared | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("Schulze winner: \"Guardian recovery\"", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_working_group_is_listed_and_shown()
    {
        await using var node = await TestNode.StartAsync();
        using var leader = new Member(node);
        await leader.RegisterAsync();
        var groupId = CreateWorkingGroup.IdFor(leader.Key.PublicKey.Id, leader.Sequence);
        var now = await NowAsync(node);

        await SendOkAsync(node, leader, new CreateWorkingGroup("DNS resilience", Charter.Inline("# Charter"), now + 86_400_000));

        var list = (await node.Http.GetFromJsonAsync<JsonObject>("/api/v1/working-groups"))!;
        var group = (await node.Http.GetFromJsonAsync<JsonObject>($"/api/v1/working-groups/{groupId}"))!;
        Assert.Single(list["workingGroups"]!.AsArray());
        Assert.Equal("active", (string?)group["status"]);
        Assert.Equal("# Charter", (string?)group["charter"]);
        Assert.Equal(leader.Id, (string?)group["leader"]);
    }

    [Theory]
    [InlineData("/api/v1/sessions/nothex", HttpStatusCode.BadRequest, "invalid-session-id")]
    [InlineData("/api/v1/sessions/0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound, "unknown-session")]
    [InlineData("/api/v1/sessions/0000000000000000000000000000000000000000000000000000000000000000/report", HttpStatusCode.NotFound, "unknown-session")]
    [InlineData("/api/v1/working-groups/xyz", HttpStatusCode.BadRequest, "invalid-working-group-id")]
    public async Task Bad_ids_and_unknown_records_are_problem_details_with_a_reason(string path, HttpStatusCode status, string reason)
    {
        await using var node = await TestNode.StartAsync();

        using var response = await node.Http.GetAsync(path);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(reason, (string?)problem["reason"]);
    }
}
