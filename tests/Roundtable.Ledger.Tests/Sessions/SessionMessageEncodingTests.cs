using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Messages.WorkingGroups;
using Roundtable.Ledger.Tests.Support;

namespace Roundtable.Ledger.Tests.Sessions;

public sealed class SessionMessageEncodingTests
{
    private static readonly Hash256 SessionId = Hash256.Compute("session"u8);

    /// <summary>Bytes of a message whose body the test writes by hand (bypassing the records' own checks).</summary>
    private static byte[] Raw(MessageType type, Action<CanonicalWriter> body)
    {
        var writer = new CanonicalWriter();
        writer.WriteVarUInt((ulong)type);
        body(writer);
        return writer.ToArray();
    }

    public static TheoryData<TxMessage> Examples =>
    [
        new CreateSession(
            "How blockchain works in Internet governance innovation", "workshop", [.. new[] { Hash256.Compute("b"u8), Hash256.Compute("a"u8) }.Order()],
            [new Speaker("Amina", "civil-society", "africa"), new Speaker("Ada", "technical", "europe", Hash256.Compute("ada"u8))],
            ["Welcome", "Ledgers"], ["Which practice?"], 1_000, 2_000, AllowOnline: true),
        new SetCheckInCode(SessionId, SetCheckInCode.Commitment(SessionId, "BLUE-42")),
        new CheckIn(SessionId, AttendanceMode.OnSite, "BLUE-42", Hash256.Compute("woman"u8)),
        new CheckIn(SessionId, AttendanceMode.Online, ""),
        new CreatePoll(SessionId, "Which practice?", ["A", "B", "C"], PollMethod.BalancedRanked),
        new CreatePoll(SessionId, "Adopt?", [], PollMethod.Balanced),
        new OpenPoll(SessionId, 255),
        new ClosePoll(SessionId, 0),
        new CastPollBallot(SessionId, 3, new byte[] { 3, 1, 2, 0 }),
        new RecordDissent(SessionId, DissentKind.MinorityView, "Poll 1", "Custody should stay with members."),
        new CreateWorkingGroup("DNS resilience", Charter.Inline("# Charter"), 99),
        new CreateWorkingGroup("Notary", Charter.External(Hash256.Compute("doc"u8)), 99),
        new JoinWorkingGroup(SessionId),
        new LeaveWorkingGroup(SessionId),
        new AddWorkingGroupMember(SessionId, Hash256.Compute("m"u8)),
        new AddDeliverable(SessionId, Hash256.Compute("p"u8), "Recommendation"),
        new ConcludeWorkingGroup(SessionId),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Messages_decode_to_equal_values_and_re_encode_identically(TxMessage message) =>
        MessageBytes.AssertRoundTrips(message);

    [Fact]
    public void An_inline_charter_is_pinned_by_the_hash_of_its_text()
    {
        Assert.Equal(Hash256.Compute("# Charter"u8), Charter.Inline("# Charter").DocumentHash);
    }

    [Fact]
    public void The_code_commitment_binds_the_session_and_the_code()
    {
        var commitment = SetCheckInCode.Commitment(SessionId, "BLUE-42");

        Assert.Equal(Hash256.Compute([.. SessionId.ToArray(), .. "BLUE-42"u8]), commitment);
        Assert.NotEqual(commitment, SetCheckInCode.Commitment(Hash256.Compute("other"u8), "BLUE-42"));
        Assert.NotEqual(commitment, SetCheckInCode.Commitment(SessionId, "BLUE-43"));
    }

    [Fact]
    public void Record_ids_differ_by_creator_sequence_and_kind()
    {
        var creator = Hash256.Compute("creator"u8);

        Assert.NotEqual(CreateSession.IdFor(creator, 1), CreateSession.IdFor(creator, 2));
        Assert.NotEqual(CreateSession.IdFor(creator, 1), CreateSession.IdFor(Hash256.Compute("x"u8), 1));
        Assert.NotEqual(CreateSession.IdFor(creator, 1), CreateWorkingGroup.IdFor(creator, 1));
    }

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "on-site check-in without a code", Raw(MessageType.CheckIn, w => { w.WriteHash(SessionId); w.WriteByte(1); w.WriteString(""); w.WriteByte(0); }) },
        { "online check-in with a code", Raw(MessageType.CheckIn, w => { w.WriteHash(SessionId); w.WriteByte(2); w.WriteString("X"); w.WriteByte(0); }) },
        { "unknown attendance mode", Raw(MessageType.CheckIn, w => { w.WriteHash(SessionId); w.WriteByte(3); w.WriteString("X"); w.WriteByte(0); }) },
        { "empty declared gender", Raw(MessageType.CheckIn, w => { w.WriteHash(SessionId); w.WriteByte(2); w.WriteString(""); w.WriteByte(1); w.WriteString(""); }) },
        { "code longer than 32 bytes", Raw(MessageType.CheckIn, w => { w.WriteHash(SessionId); w.WriteByte(1); w.WriteString(new string('x', 33)); w.WriteByte(0); }) },
        { "yes/no poll with options", Raw(MessageType.CreatePoll, w => { w.WriteHash(SessionId); w.WriteString("Q"); BoundedText.WriteList(w, ["A", "B"]); w.WriteByte(1); }) },
        { "ranked poll with one option", Raw(MessageType.CreatePoll, w => { w.WriteHash(SessionId); w.WriteString("Q"); BoundedText.WriteList(w, ["A"]); w.WriteByte(5); }) },
        { "unknown poll method", Raw(MessageType.CreatePoll, w => { w.WriteHash(SessionId); w.WriteString("Q"); BoundedText.WriteList(w, ["A", "B"]); w.WriteByte(7); }) },
        { "seventeen options", Raw(MessageType.CreatePoll, w => { w.WriteHash(SessionId); w.WriteString("Q"); BoundedText.WriteList(w, [.. Enumerable.Repeat("o", 17)]); w.WriteByte(3); }) },
        { "poll number 256", Raw(MessageType.OpenPoll, w => { w.WriteHash(SessionId); w.WriteVarUInt(256); }) },
        { "empty ballot", Raw(MessageType.CastPollBallot, w => { w.WriteHash(SessionId); w.WriteVarUInt(0); w.WriteBytes([]); }) },
        { "unknown dissent kind", Raw(MessageType.RecordDissent, w => { w.WriteHash(SessionId); w.WriteByte(0); w.WriteString("S"); w.WriteString("R"); }) },
        { "empty title", Raw(MessageType.CreateSession, w => { w.WriteString(""); }) },
        { "co-organisers out of order", Raw(MessageType.CreateSession, w => { w.WriteString("T"); w.WriteString("workshop"); w.WriteVarUInt(2); w.WriteHash(Hash256.Compute("b"u8)); w.WriteHash(Hash256.Compute("a"u8)); }) },
        { "format not an identifier", Raw(MessageType.CreateSession, w => { w.WriteString("T"); w.WriteString("Work Shop"); }) },
        { "unknown charter kind", Raw(MessageType.CreateWorkingGroup, w => { w.WriteString("G"); w.WriteByte(3); }) },
        { "empty inline charter", Raw(MessageType.CreateWorkingGroup, w => { w.WriteString("G"); w.WriteByte(1); w.WriteString(""); w.WriteVarUInt(1); }) },
        { "unassigned tag in the session range", Raw((MessageType)63, _ => { }) },
        { "unassigned tag in the working-group range", Raw((MessageType)79, _ => { }) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Malformed_bodies_are_refused_with_a_decode_error(string what, byte[] bytes)
    {
        var e = Assert.Throws<DecodeException>(() => MessageBytes.Decode(bytes));
        Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
    }
}
