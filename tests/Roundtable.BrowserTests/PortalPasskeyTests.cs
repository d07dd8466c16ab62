using Roundtable.BrowserTests.Support;
using Roundtable.Node.Tests.Support;

namespace Roundtable.BrowserTests;

/// <summary>
/// A passkey member taking part through the pages, with Chromium's virtual authenticator standing
/// in for a phone: "Make a passkey" on the join page, register, then vote on a proposal. The
/// portal is opened at localhost, as WebAuthn requires.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PortalPasskeyTests(Chromium chromium)
{
    [Fact]
    public async Task A_member_who_joined_with_a_passkey_votes_from_the_proposal_page()
    {
        await using var node = await TestNode.StartAsync(governancePeriodSeconds: 15);
        await using var person = await PortalPerson.OpenAsync(chromium.Browser, node.Config.ApiUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        await VirtualAuthenticator.AttachAsync(person.Context, person.Page);

        var memberId = await person.JoinWithPasskeyAsync("Lina", "government", "africa");
        var account = await node.Http.GetStringAsync($"/api/v1/members/{memberId}");
        Assert.Contains("\"publicKey\":\"02", account, StringComparison.Ordinal);

        var (proposal, _) = await VotingProposal.OpenAsync(node);

        await person.GoAsync($"/proposals/{proposal}");
        await person.Page.CheckAsync("#ballot-support");
        await person.SendAsync("#vote");

        await person.GoAsync($"/proposals/{proposal}");
        Assert.Contains("1 ballot(s) counted.", await person.Page.InnerTextAsync("#live-tally"), StringComparison.Ordinal);
    }
}
