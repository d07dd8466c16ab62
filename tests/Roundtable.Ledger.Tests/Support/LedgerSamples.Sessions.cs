using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Messages.WorkingGroups;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>Samples of the session and working-group messages (type tags 48–79).</summary>
internal sealed partial class LedgerSamples
{
    private TxMessage SessionOrWorkingGroupMessage(MessageType type) => type switch
    {
        MessageType.CreateSession => new CreateSession(
            Text(1, CreateSession.MaxTitleBytes),
            Identifier(),
            [.. Enumerable.Range(0, BoundaryLength(0, CreateSession.MaxCoOrganisers)).Select(_ => Hash()).Distinct().Order()],
            [.. Enumerable.Range(0, BoundaryLength(0, 8)).Select(_ => new Speaker(Text(1, Speaker.MaxNameBytes), Identifier(), Identifier(), _random.Next(2) == 0 ? null : Hash()))],
            Texts(CreateSession.MaxAgendaItems, CreateSession.MaxAgendaItemBytes),
            Texts(CreateSession.MaxPolicyQuestions, CreateSession.MaxPolicyQuestionBytes),
            Integer(),
            Integer(),
            _random.Next(2) == 0),
        MessageType.SetCheckInCode => new SetCheckInCode(Hash(), Hash()),
        MessageType.CheckIn => _random.Next(2) == 0
            ? new CheckIn(Hash(), AttendanceMode.OnSite, Text(1, SetCheckInCode.MaxCodeBytes), _random.Next(2) == 0 ? null : Hash())
            : new CheckIn(Hash(), AttendanceMode.Online, "", _random.Next(2) == 0 ? null : Hash()),
        MessageType.CreatePoll => Poll(),
        MessageType.OpenPoll => new OpenPoll(Hash(), (uint)_random.Next(PollRef.MaxPolls)),
        MessageType.ClosePoll => new ClosePoll(Hash(), (uint)_random.Next(PollRef.MaxPolls)),
        MessageType.CastPollBallot => new CastPollBallot(Hash(), (uint)_random.Next(PollRef.MaxPolls), Bytes(1, CastPollBallot.MaxBallotBytes)),
        MessageType.RecordDissent => new RecordDissent(
            Hash(), _random.Next(2) == 0 ? DissentKind.Objection : DissentKind.MinorityView, Text(1, RecordDissent.MaxSubjectBytes), Text(1, RecordDissent.MaxReasonBytes)),
        MessageType.CreateWorkingGroup => new CreateWorkingGroup(
            Text(1, CreateWorkingGroup.MaxNameBytes), _random.Next(2) == 0 ? Charter.External(Hash()) : Charter.Inline(Text(1, 2000)), Integer()),
        MessageType.JoinWorkingGroup => new JoinWorkingGroup(Hash()),
        MessageType.LeaveWorkingGroup => new LeaveWorkingGroup(Hash()),
        MessageType.AddWorkingGroupMember => new AddWorkingGroupMember(Hash(), Hash()),
        MessageType.AddDeliverable => new AddDeliverable(Hash(), Hash(), Text(1, AddDeliverable.MaxTitleBytes)),
        MessageType.ConcludeWorkingGroup => new ConcludeWorkingGroup(Hash()),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a session or working-group message."),
    };

    /// <summary>The message with one field changed, or null when it is not a session or working-group message.</summary>
    public static TxMessage? AlteredSessionOrWorkingGroupMessage(TxMessage message) => message switch
    {
        CreateSession m => m with { AllowOnline = !m.AllowOnline },
        SetCheckInCode m => m with { CodeCommitment = Other(m.CodeCommitment) },
        CheckIn m => m with { Session = Other(m.Session) },
        CreatePoll m => m with { Session = Other(m.Session) },
        OpenPoll m => m with { Poll = m.Poll ^ 1 },
        ClosePoll m => m with { Poll = m.Poll ^ 1 },
        CastPollBallot m => m with { Session = Other(m.Session) },
        RecordDissent m => m with { Session = Other(m.Session) },
        CreateWorkingGroup m => m with { SunsetMs = m.SunsetMs ^ 1 },
        JoinWorkingGroup m => new JoinWorkingGroup(Other(m.Group)),
        LeaveWorkingGroup m => new LeaveWorkingGroup(Other(m.Group)),
        AddWorkingGroupMember m => m with { Member = Other(m.Member) },
        AddDeliverable m => m with { Proposal = Other(m.Proposal) },
        ConcludeWorkingGroup m => new ConcludeWorkingGroup(Other(m.Group)),
        _ => null,
    };

    private static Core.Hashing.Hash256 Other(Core.Hashing.Hash256 hash) => Core.Hashing.Hash256.Compute(hash.ToArray());

    private CreatePoll Poll()
    {
        var method = (PollMethod)_random.Next(1, 7);
        var options = PollMethods.IsYesNo(method)
            ? []
            : Enumerable.Range(0, BoundaryLength(2, CreatePoll.MaxOptions)).Select(_ => Text(1, 40)).ToArray();
        return new CreatePoll(Hash(), Text(1, CreatePoll.MaxQuestionBytes), options, method);
    }

    private string[] Texts(int maxItems, int maxBytes) =>
        [.. Enumerable.Range(0, BoundaryLength(0, Math.Min(maxItems, 6))).Select(_ => Text(1, maxBytes))];

    private byte[] Bytes(int min, int max)
    {
        var bytes = new byte[BoundaryLength(min, max)];
        _random.NextBytes(bytes);
        return bytes;
    }
}
