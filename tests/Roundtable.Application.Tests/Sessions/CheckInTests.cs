using Roundtable.Application.Execution;
using Roundtable.Application.Sessions.Building;
using Roundtable.Application.Tests.Support;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Tests.Sessions;

public sealed class CheckInTests
{
    [Fact]
    public void On_site_check_in_with_the_room_code_records_the_participant_with_group_region_and_declared_gender()
    {
        var s = new SessionChain();
        var ada = TestChain.Founder("technical", 1);

        var woman = HeldValues.Disclose(CheckIn.GenderField, "woman").Commitment;

        s.RunOk(ada, SessionMessages.OnSite(s.Id, SessionChain.RoomCode, woman));

        var participant = Assert.Single(s.Chain.App.GetSession(s.Id)!.Participants);
        Assert.Equal(ada.PublicKey.Id, participant.Member);
        Assert.Equal(AttendanceMode.OnSite, participant.Mode);
        Assert.Equal("technical", participant.StakeholderGroup);
        Assert.Equal(s.Chain.Member(ada).Region, participant.Region);
        Assert.Equal(woman, participant.DeclaredGender);
        Assert.Equal(0u, participant.Ordinal);
    }

    [Fact]
    public void A_participant_who_declares_nothing_has_no_gender_on_record()
    {
        var s = new SessionChain();

        s.RunOk(TestChain.Founder("technical", 1), SessionMessages.OnSite(s.Id, SessionChain.RoomCode));

        Assert.Null(Assert.Single(s.Chain.App.GetSession(s.Id)!.Participants).DeclaredGender);
    }

    [Fact]
    public void The_room_code_itself_is_not_in_the_state_only_its_commitment()
    {
        var s = new SessionChain();
        var code = System.Text.Encoding.UTF8.GetBytes(SessionChain.RoomCode);

        Assert.DoesNotContain(s.Chain.App.ExportOrdered(), e => e.Value.AsSpan().IndexOf(code) >= 0);
        Assert.Equal(SetCheckInCode.Commitment(s.Id, SessionChain.RoomCode), s.Chain.App.GetSession(s.Id)!.Session.CodeCommitment);
    }

    [Fact]
    public void A_wrong_code_is_Unauthorized_and_changes_nothing_but_the_sequence()
    {
        var s = new SessionChain();

        var result = s.Chain.RefuseConsumingSequence(s.Chain.Tx(TestChain.Founder("technical", 1), SessionMessages.OnSite(s.Id, "RED-7")), TxCode.Unauthorized);

        Assert.Contains("code does not match", result.Reason, StringComparison.Ordinal);
        Assert.Empty(s.Chain.App.GetSession(s.Id)!.Participants);
    }

    [Fact]
    public void After_a_rotation_the_old_code_is_refused_and_the_new_one_accepted()
    {
        var s = new SessionChain();
        s.RunOk(s.Organiser, SessionMessages.RoomCode(s.Id, "GREEN-9"));
        var late = TestChain.Founder("technical", 1);

        s.Chain.RefuseConsumingSequence(s.Chain.Tx(late, SessionMessages.OnSite(s.Id, SessionChain.RoomCode)), TxCode.Unauthorized);
        s.RunOk(late, SessionMessages.OnSite(s.Id, "GREEN-9"));

        Assert.Equal(2u, s.Chain.App.GetSession(s.Id)!.Session.CodeVersion);
        Assert.Single(s.Chain.App.GetSession(s.Id)!.Participants);
    }

    [Fact]
    public void On_site_check_in_before_any_code_is_posted_is_Unauthorized()
    {
        var s = new SessionChain();
        var other = s.Create(s.Organiser, new SessionBuilder("No code yet").Scheduled(TestChain.GenesisTimeMs, TestChain.GenesisTimeMs + 3_600_000).Build());

        var result = s.Chain.RefuseConsumingSequence(s.Chain.Tx(TestChain.Founder("technical", 1), SessionMessages.OnSite(other, "ANY")), TxCode.Unauthorized);

        Assert.Contains("not posted a room code", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Online_check_in_is_accepted_when_the_session_allows_it()
    {
        var s = new SessionChain(allowOnline: true);

        s.RunOk(TestChain.Founder("civil-society", 0), SessionMessages.Online(s.Id));

        Assert.Equal(AttendanceMode.Online, Assert.Single(s.Chain.App.GetSession(s.Id)!.Participants).Mode);
    }

    [Fact]
    public void Online_check_in_is_Unauthorized_when_the_session_does_not_allow_it()
    {
        var s = new SessionChain(allowOnline: false);

        var result = s.Chain.RefuseConsumingSequence(s.Chain.Tx(TestChain.Founder("civil-society", 0), SessionMessages.Online(s.Id)), TxCode.Unauthorized);

        Assert.Contains("does not allow online", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_check_in_by_the_same_member_is_AlreadyExists()
    {
        var s = new SessionChain();
        var ada = TestChain.Founder("technical", 1);
        s.RunOk(ada, SessionMessages.OnSite(s.Id, SessionChain.RoomCode));

        s.Chain.RefuseConsumingSequence(s.Chain.Tx(ada, SessionMessages.Online(s.Id)), TxCode.AlreadyExists);
    }

    [Fact]
    public void Check_in_after_the_scheduled_end_is_refused()
    {
        var s = new SessionChain();
        s.Chain.ExecuteAt(TestChain.GenesisTimeMs + 3_600_001);

        var result = s.Chain.RefuseConsumingSequence(s.Chain.Tx(TestChain.Founder("technical", 1), SessionMessages.OnSite(s.Id, SessionChain.RoomCode)), TxCode.InvalidArgument);

        Assert.Contains("scheduled end", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_an_organiser_may_post_or_rotate_the_room_code()
    {
        var s = new SessionChain();

        s.Chain.RefuseConsumingSequence(s.Chain.Tx(TestChain.Founder("technical", 1), SessionMessages.RoomCode(s.Id, "MINE")), TxCode.Unauthorized);
    }

    [Fact]
    public void Check_in_to_an_unknown_session_is_NotFound()
    {
        var s = new SessionChain();

        s.Chain.RefuseConsumingSequence(s.Chain.Tx(TestChain.Founder("technical", 1), SessionMessages.Online(Core.Hashing.Hash256.Compute([1]))), TxCode.NotFound);
    }
}
