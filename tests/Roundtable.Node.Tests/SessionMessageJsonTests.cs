using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Messages.WorkingGroups;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class SessionMessageJsonTests
{
    private static readonly Hash256 Id = Hash256.Compute("id"u8);

    public static TheoryData<TxMessage> Messages =>
    [
        new CreateSession("Title", "round-table", [Id], [new Speaker("Amina", "civil-society", "africa"), new Speaker("Olu", "government", "africa", Id)], ["Welcome"], ["Why?"], 1, 2, true),
        new SetCheckInCode(Id, SetCheckInCode.Commitment(Id, "CODE")),
        new CheckIn(Id, AttendanceMode.OnSite, "CODE", Hash256.Compute("woman"u8)),
        new CheckIn(Id, AttendanceMode.Online, ""),
        new CreatePoll(Id, "Which?", ["A", "B"], PollMethod.BalancedApproval),
        new OpenPoll(Id, 1),
        new ClosePoll(Id, 2),
        new CastPollBallot(Id, 0, new byte[] { 2, 1, 2 }),
        new RecordDissent(Id, DissentKind.Objection, "Poll 1", "Not discussed."),
        new CreateWorkingGroup("WG", Charter.Inline("# Charter"), 5),
        new CreateWorkingGroup("WG", Charter.External(Id), 5),
        new JoinWorkingGroup(Id),
        new LeaveWorkingGroup(Id),
        new AddWorkingGroupMember(Id, Id),
        new AddDeliverable(Id, Id, "Recommendation"),
        new ConcludeWorkingGroup(Id),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_JSON_form_reads_back_as_the_same_message(TxMessage message) =>
        MessageJsonRoundTrip.AssertReadsBack(message);
}
