using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>
/// An organiser opens a draft poll. The electorate is fixed now: the participants checked in
/// before this transaction. Anyone checking in later cannot vote in this poll.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Poll">The poll number.</param>
public sealed record OpenPoll(Hash256 Session, uint Poll) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.OpenPoll;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => PollRef.Write(writer, Session, Poll);

    /// <summary>Reads the body.</summary>
    public static OpenPoll DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash(), PollRef.ReadNumber(ref reader));
}

/// <summary>An organiser closes an open poll; no ballot is accepted after it, and the result is final.</summary>
/// <param name="Session">The session.</param>
/// <param name="Poll">The poll number.</param>
public sealed record ClosePoll(Hash256 Session, uint Poll) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.ClosePoll;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => PollRef.Write(writer, Session, Poll);

    /// <summary>Reads the body.</summary>
    public static ClosePoll DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash(), PollRef.ReadNumber(ref reader));
}

/// <summary>Encoding of a (session, poll number) reference.</summary>
public static class PollRef
{
    /// <summary>Most polls in one session.</summary>
    public const int MaxPolls = 256;

    /// <summary>Writes the session id and the poll number.</summary>
    public static void Write(CanonicalWriter writer, Hash256 session, uint poll)
    {
        writer.WriteHash(session);
        writer.WriteVarUInt(poll);
    }

    /// <summary>Reads a poll number below <see cref="MaxPolls"/>.</summary>
    public static uint ReadNumber(ref CanonicalReader reader) => (uint)reader.ReadVarUInt(MaxPolls - 1, "poll number");
}
