using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Sessions;
using Roundtable.Application.Sessions.Building;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Tests.Sessions;

public sealed class PollTests
{
    private static readonly string[] Practices = ["A", "B", "C", "D", "E"];

    private static readonly string[] Groups = ["government", "civil-society", "private-sector", "technical"];

    [Fact]
    public void A_ranked_best_practice_poll_of_the_Wikipedia_example_elects_E_with_group_and_region_breakdowns()
    {
        // The 45-voter example of the Wikipedia article "Schulze method": E wins, ranking E > A > C > B > D.
        (int Count, string Order)[] blocs =
        [
            (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"),
            (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"), (8, "EBADC"),
        ];
        var s = new SessionChain();
        var people = new List<(string, string, string)>();
        var orders = new List<string>();
        foreach (var (count, order) in blocs)
        {
            for (var i = 0; i < count; i++)
            {
                var n = people.Count;
                people.Add(("wiki-" + n, Groups[n % 4], n % 2 == 0 ? "europe" : "africa"));
                orders.Add(order);
            }
        }

        var voters = s.Register([.. people]);
        s.EachOk(voters, _ => SessionMessages.OnSite(s.Id, SessionChain.RoomCode));
        var poll = s.OpenPoll(SessionMessages.Poll(s.Id, "Which practice should we recommend?", PollMethod.Ranked, Practices));
        s.RunAllOk([.. voters.Select((k, i) => s.Chain.Tx(k, SessionMessages.Rank(s.Id, poll, 5, [.. orders[i].Select(c => c - 'A')])))]);
        s.RunOk(s.Organiser, new ClosePoll(s.Id, poll));

        var outcome = s.Chain.App.GetSession(s.Id)!.Polls[(int)poll].Outcome!;
        Assert.Equal("E", outcome.Winner);
        Assert.Equal(45, outcome.Electors);
        Assert.Equal(45, outcome.Voters);
        Assert.Equal(["rank 2", "rank 4", "rank 3", "rank 5", "rank 1"], outcome.Choices.Select(c => c.Score));
        Assert.Equal(["civil-society", "government", "private-sector", "technical"], outcome.ByGroup.Select(g => g.Name));
        Assert.Equal(45, outcome.ByGroup.Sum(g => g.Voters));
        Assert.Equal(["africa", "europe"], outcome.ByRegion.Select(r => r.Name));
        Assert.Equal(23, outcome.ByRegion.Single(r => r.Name == "europe").Voters);
        // First preferences: the 8 voters of "EBADC" rank E first.
        Assert.Equal(8, outcome.Choices[4].Support.Sum(g => g.Backers));
    }

    [Fact]
    public void A_ballot_from_a_member_who_did_not_check_in_is_Unauthorized()
    {
        var s = new SessionChain();
        s.RunOk(TestChain.Founder("technical", 1), SessionMessages.OnSite(s.Id, SessionChain.RoomCode));
        var poll = s.OpenPoll(SessionMessages.YesNoPoll(s.Id, "Adopt the charter?"));

        var result = s.Chain.RefuseConsumingSequence(s.Chain.Tx(TestChain.Founder("private-sector", 0), SessionMessages.Vote(s.Id, poll, VoteChoice.Yes)), TxCode.Unauthorized);

        Assert.Contains("not checked in", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_participant_who_checked_in_after_the_poll_opened_is_outside_its_electorate()
    {
        var s = new SessionChain();
        s.RunOk(TestChain.Founder("technical", 1), SessionMessages.OnSite(s.Id, SessionChain.RoomCode));
        var poll = s.OpenPoll(SessionMessages.YesNoPoll(s.Id, "Adopt the charter?"));
        var late = TestChain.Founder("private-sector", 0);
        s.RunOk(late, SessionMessages.OnSite(s.Id, SessionChain.RoomCode));

        var result = s.Chain.RefuseConsumingSequence(s.Chain.Tx(late, SessionMessages.Vote(s.Id, poll, VoteChoice.Yes)), TxCode.Unauthorized);

        Assert.Contains("after poll 0 opened", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ballots_on_a_closed_or_a_draft_poll_are_refused()
    {
        var s = new SessionChain();
        var voter = TestChain.Founder("technical", 1);
        s.RunOk(voter, SessionMessages.OnSite(s.Id, SessionChain.RoomCode));
        var closed = s.OpenPoll(SessionMessages.YesNoPoll(s.Id, "First?"));
        s.RunOk(s.Organiser, new ClosePoll(s.Id, closed));
        s.RunOk(s.Organiser, SessionMessages.YesNoPoll(s.Id, "Second?"));

        var late = s.Chain.RefuseConsumingSequence(s.Chain.Tx(voter, SessionMessages.Vote(s.Id, closed, VoteChoice.No)), TxCode.InvalidArgument);
        var early = s.Chain.RefuseConsumingSequence(s.Chain.Tx(voter, SessionMessages.Vote(s.Id, 1, VoteChoice.No)), TxCode.InvalidArgument);

        Assert.Contains("closed", late.Reason, StringComparison.Ordinal);
        Assert.Contains("draft", early.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 9 })]
    [InlineData(new byte[] { 4, 1, 2, 3, 4 })]
    [InlineData(new byte[] { 5, 1, 2, 3, 4, 7 })]
    [InlineData(new byte[] { 5, 1, 3, 4, 5, 0 })]
    public void A_malformed_ranked_ballot_is_Malformed(byte[] ballot)
    {
        var s = new SessionChain();
        var voter = TestChain.Founder("technical", 1);
        s.RunOk(voter, SessionMessages.OnSite(s.Id, SessionChain.RoomCode));
        var poll = s.OpenPoll(SessionMessages.Poll(s.Id, "Which?", PollMethod.Ranked, Practices));

        var result = s.Chain.RefuseConsumingSequence(s.Chain.Tx(voter, new CastPollBallot(s.Id, poll, ballot)), TxCode.Malformed);

        Assert.Contains("ballot", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approval_ballot_naming_an_option_the_poll_lacks_is_Malformed()
    {
        var s = new SessionChain();
        var voter = TestChain.Founder("technical", 1);
        s.RunOk(voter, SessionMessages.OnSite(s.Id, SessionChain.RoomCode));
        var poll = s.OpenPoll(SessionMessages.Poll(s.Id, "Which?", PollMethod.Approval, "X", "Y"));

        s.Chain.RefuseConsumingSequence(s.Chain.Tx(voter, SessionMessages.Approve(s.Id, poll, 0, 2)), TxCode.Malformed);
    }

    [Fact]
    public void A_re_vote_replaces_the_earlier_ballot()
    {
        var s = new SessionChain();
        PrivateKey[] voters = [TestChain.Founder("technical", 1), TestChain.Founder("civil-society", 0), TestChain.Founder("private-sector", 0)];
        s.EachOk(voters, _ => SessionMessages.OnSite(s.Id, SessionChain.RoomCode));
        var poll = s.OpenPoll(SessionMessages.YesNoPoll(s.Id, "Adopt?"));
        s.EachOk(voters, k => SessionMessages.Vote(s.Id, poll, k == voters[0] ? VoteChoice.Yes : VoteChoice.No));

        s.RunOk(voters[1], SessionMessages.Vote(s.Id, poll, VoteChoice.Yes));
        s.RunOk(s.Organiser, new ClosePoll(s.Id, poll));

        var outcome = s.Chain.App.GetSession(s.Id)!.Polls[0].Outcome!;
        Assert.Equal("yes", outcome.Winner);
        Assert.Equal(["2", "1", "0"], outcome.Choices.Select(c => c.Score));
        Assert.Equal(3, outcome.Voters);
    }

    [Fact]
    public void A_balanced_approval_poll_weighs_every_group_equally()
    {
        var s = new SessionChain();
        var many = s.Register([.. Enumerable.Range(0, 6).Select(i => ("ps-" + i, "private-sector", "europe"))]);
        PrivateKey[] few = [TestChain.Founder("civil-society", 0), TestChain.Founder("technical", 0)];
        s.EachOk(many.Concat(few), _ => SessionMessages.Online(s.Id));
        var poll = s.OpenPoll(SessionMessages.Poll(s.Id, "Which?", PollMethod.BalancedApproval, "X", "Y"));
        s.EachOk(many, _ => SessionMessages.Approve(s.Id, poll, 0));
        s.EachOk(few, _ => SessionMessages.Approve(s.Id, poll, 1));
        s.RunOk(s.Organiser, new ClosePoll(s.Id, poll));

        var outcome = s.Chain.App.GetSession(s.Id)!.Polls[0].Outcome!;

        // Six private-sector approvals of X weigh 1; the two other groups give Y a weight of 2.
        Assert.Equal("Y", outcome.Winner);
        Assert.Equal(["1", "2"], outcome.Choices.Select(c => c.Score));
        Assert.Equal("X", outcome.ByGroup.Single(g => g.Name == "private-sector").OwnChoice);
    }

    [Fact]
    public void Only_organisers_create_open_and_close_polls()
    {
        var s = new SessionChain();
        var stranger = TestChain.Founder("technical", 1);
        s.RunOk(s.Organiser, SessionMessages.YesNoPoll(s.Id, "Adopt?"));

        s.Chain.RefuseConsumingSequence(s.Chain.Tx(stranger, SessionMessages.YesNoPoll(s.Id, "Mine?")), TxCode.Unauthorized);
        s.Chain.RefuseConsumingSequence(s.Chain.Tx(stranger, new OpenPoll(s.Id, 0)), TxCode.Unauthorized);
        s.RunOk(s.Organiser, new OpenPoll(s.Id, 0));
        s.Chain.RefuseConsumingSequence(s.Chain.Tx(stranger, new ClosePoll(s.Id, 0)), TxCode.Unauthorized);
        Assert.Equal(PollStatus.Open, s.Chain.App.GetSession(s.Id)!.Polls[0].Poll.Status);
    }

    [Fact]
    public void Opening_an_open_poll_and_closing_a_closed_one_are_refused()
    {
        var s = new SessionChain();
        var poll = s.OpenPoll(SessionMessages.YesNoPoll(s.Id, "Adopt?"));

        s.Chain.RefuseConsumingSequence(s.Chain.Tx(s.Organiser, new OpenPoll(s.Id, poll)), TxCode.InvalidArgument);
        s.RunOk(s.Organiser, new ClosePoll(s.Id, poll));
        s.Chain.RefuseConsumingSequence(s.Chain.Tx(s.Organiser, new ClosePoll(s.Id, poll)), TxCode.InvalidArgument);
        s.Chain.RefuseConsumingSequence(s.Chain.Tx(s.Organiser, new ClosePoll(s.Id, 7)), TxCode.NotFound);
    }

    [Fact]
    public void Objections_come_only_from_participants_and_organisers()
    {
        var s = new SessionChain();
        var participant = TestChain.Founder("technical", 1);
        s.RunOk(participant, SessionMessages.Online(s.Id));

        s.RunOk(participant, new RecordDissent(s.Id, DissentKind.Objection, "Poll 1", "The options were not discussed."));
        s.Chain.RefuseConsumingSequence(s.Chain.Tx(TestChain.Founder("private-sector", 1), new RecordDissent(s.Id, DissentKind.MinorityView, "Agenda", "More time.")), TxCode.Unauthorized);

        Assert.Single(s.Chain.App.GetSession(s.Id)!.Dissents);
    }

    [Fact]
    public void A_balanced_yes_no_poll_is_not_carried_by_one_large_group()
    {
        var s = new SessionChain();
        var many = s.Register([.. Enumerable.Range(0, 5).Select(i => ("gov-" + i, "government", "europe"))]);
        PrivateKey[] others = [TestChain.Founder("civil-society", 0), TestChain.Founder("technical", 0), TestChain.Founder("private-sector", 0)];
        s.EachOk(many.Concat(others), _ => SessionMessages.Online(s.Id));
        var poll = s.OpenPoll(SessionMessages.YesNoPoll(s.Id, "Adopt?", PollMethod.Balanced));
        s.EachOk(many, _ => SessionMessages.Vote(s.Id, poll, VoteChoice.Yes));
        s.EachOk(others, _ => SessionMessages.Vote(s.Id, poll, VoteChoice.No));
        s.RunOk(s.Organiser, new ClosePoll(s.Id, poll));

        var outcome = s.Chain.App.GetSession(s.Id)!.Polls[0].Outcome!;

        // One member one vote would pass (5 yes, 3 no); balanced support is 1/4 over four groups.
        Assert.Equal("no", outcome.Winner);
        Assert.Contains("balanced support 0.250 over 4 group(s)", outcome.Summary, StringComparison.Ordinal);
        Assert.Equal("yes", outcome.ByGroup.Single(g => g.Name == "government").OwnChoice);
        Assert.Equal(["5", "3", "0"], outcome.Choices.Select(c => c.Score));
    }
}
