using Roundtable.Core.Hashing;
using Roundtable.Node.Peers;

namespace Roundtable.Node.Tests.Peers;

public sealed class CatchUpRequestsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private static readonly DateTime Start = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Hash256 Joined = Hash256.Compute("joined by snapshot"u8);
    private static readonly Hash256 Archive = Hash256.Compute("keeps every block"u8);

    [Fact]
    public void One_request_is_outstanding_until_answered_or_timed_out()
    {
        var requests = new CatchUpRequests(Timeout);

        Assert.False(requests.ShouldAsk(Archive, tip: 4, next: 5, Start));
        Assert.True(requests.ShouldAsk(Archive, tip: 9, next: 5, Start));
        Assert.False(requests.ShouldAsk(Archive, tip: 9, next: 5, Start + TimeSpan.FromSeconds(1)));
        Assert.True(requests.ShouldAsk(Archive, tip: 9, next: 5, Start + Timeout));

        requests.Answered();
        Assert.True(requests.ShouldAsk(Archive, tip: 9, next: 6, Start + Timeout));
    }

    [Fact]
    public void A_peer_that_left_a_request_unanswered_is_passed_over_up_to_its_tip_while_another_peer_can_answer()
    {
        var requests = new CatchUpRequests(Timeout);
        Assert.True(requests.ShouldAsk(Joined, tip: 30, next: 5, Start));
        var later = Start + Timeout;

        Assert.True(requests.ShouldAsk(Archive, tip: 30, next: 5, later));
        requests.Answered();
        Assert.False(requests.ShouldAsk(Joined, tip: 31, next: 6, later));
        Assert.True(requests.ShouldAsk(Archive, tip: 31, next: 6, later));
        requests.Answered();

        // Past the tip it had when it stayed silent, it is asked like any peer.
        Assert.True(requests.ShouldAsk(Joined, tip: 40, next: 31, later));
    }

    [Fact]
    public void A_passed_over_peer_is_still_asked_when_no_other_peer_reports_the_height()
    {
        var requests = new CatchUpRequests(Timeout);
        Assert.True(requests.ShouldAsk(Joined, tip: 30, next: 5, Start));
        Assert.False(requests.ShouldAsk(Archive, tip: 3, next: 5, Start + Timeout));

        Assert.True(requests.ShouldAsk(Joined, tip: 30, next: 5, Start + Timeout));
    }

    [Fact]
    public void A_peer_that_left_no_longer_counts_as_one_that_can_answer()
    {
        var requests = new CatchUpRequests(Timeout);
        Assert.True(requests.ShouldAsk(Joined, tip: 30, next: 5, Start));
        Assert.True(requests.ShouldAsk(Archive, tip: 30, next: 5, Start + Timeout));
        requests.Answered();

        requests.Forget(Archive);
        Assert.True(requests.ShouldAsk(Joined, tip: 30, next: 6, Start + Timeout));
    }
}
