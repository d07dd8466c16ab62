using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions;

/// <summary>Where a poll is in its life.</summary>
public enum PollStatus : byte
{
    /// <summary>Created, not yet open: no ballots.</summary>
    Draft = 1,

    /// <summary>Open: its electorate is fixed and ballots are accepted.</summary>
    Open = 2,

    /// <summary>Closed: the ballots are final and the result is counted.</summary>
    Closed = 3,
}

/// <summary>A session poll.</summary>
/// <param name="Session">The session.</param>
/// <param name="Number">0, 1, … in creation order.</param>
/// <param name="Definition">The creating message: question, options, method.</param>
/// <param name="Status">Draft, open or closed.</param>
/// <param name="ElectorateSize">Participants checked in when the poll opened: those with a smaller ordinal are its electorate.</param>
/// <param name="OpenedHeight">Height of the opening block, 0 while a draft.</param>
/// <param name="ClosedHeight">Height of the closing block, 0 until closed.</param>
public sealed record PollRecord(
    Hash256 Session,
    uint Number,
    CreatePoll Definition,
    PollStatus Status,
    uint ElectorateSize,
    ulong OpenedHeight,
    ulong ClosedHeight) : ICanonical<PollRecord>
{
    /// <summary>The options, or Yes / No / Abstain for a yes / no poll.</summary>
    public IReadOnlyList<string> Choices => PollMethods.IsYesNo(Definition.Method) ? ["yes", "no", "abstain"] : Definition.Options;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Session);
        writer.WriteVarUInt(Number);
        Definition.EncodeBody(writer);
        writer.WriteByte((byte)Status);
        writer.WriteVarUInt(ElectorateSize);
        writer.WriteVarUInt(OpenedHeight);
        writer.WriteVarUInt(ClosedHeight);
    }

    /// <inheritdoc />
    public static PollRecord Decode(ref CanonicalReader reader) => new(
        reader.ReadHash(),
        PollRef.ReadNumber(ref reader),
        CreatePoll.DecodeBody(ref reader),
        (PollStatus)reader.ReadByte(),
        (uint)reader.ReadVarUInt(SessionRecord.MaxParticipants, "electorate size"),
        reader.ReadVarUInt(),
        reader.ReadVarUInt());
}
