using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Sessions;

/// <summary>
/// A participant votes in an open poll; a later ballot replaces the earlier one. The ballot is the
/// canonical encoding of the poll method's ballot (yes / no / abstain, an approval set or a
/// ranking, see docs/governance.md); the application decodes it against the poll it is for.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Poll">The poll number.</param>
/// <param name="Ballot">The encoded ballot, 1–128 bytes.</param>
public sealed record CastPollBallot(Hash256 Session, uint Poll, ReadOnlyMemory<byte> Ballot) : TxMessage
{
    /// <summary>Maximum encoded ballot size (a ranking of 16 options needs 17 bytes).</summary>
    public const int MaxBallotBytes = 128;

    /// <inheritdoc />
    public override MessageType Type => MessageType.CastPollBallot;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        PollRef.Write(writer, Session, Poll);
        writer.WriteBytes(Ballot.Span);
    }

    /// <summary>Reads the body.</summary>
    public static CastPollBallot DecodeBody(ref CanonicalReader reader)
    {
        var session = reader.ReadHash();
        var poll = PollRef.ReadNumber(ref reader);
        var ballot = reader.ReadBytes(MaxBallotBytes, "ballot");
        if (ballot.IsEmpty)
        {
            throw new DecodeException(DecodeError.InvalidValue, "The ballot is empty.");
        }

        return new CastPollBallot(session, poll, ballot.ToArray());
    }

    /// <inheritdoc />
    public bool Equals(CastPollBallot? other) => BodyEquality.Same(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => BodyEquality.HashOf(this);
}
