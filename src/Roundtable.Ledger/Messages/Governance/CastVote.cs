using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// An open ballot (or, during an appeal, a yes/no ballot on the chair's call). The ballot is the
/// canonical encoding of the method's ballot type (yes/no, consensus statement, approval, ranked),
/// which the application decodes against the proposal. A later ballot of the same voter replaces it.
/// </summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Document">The document hash the voter read; refused unless it is the pinned one.</param>
/// <param name="Ballot">The encoded ballot, at most <see cref="MaxBallotBytes"/>.</param>
public sealed record CastVote(Hash256 Proposal, Hash256 Document, byte[] Ballot) : TxMessage
{
    /// <summary>Largest encoded ballot (a consensus statement with a 4 KiB reason).</summary>
    public const int MaxBallotBytes = 4200;

    /// <inheritdoc />
    public override MessageType Type => MessageType.CastVote;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Proposal);
        writer.WriteHash(Document);
        writer.WriteBytes(Ballot);
    }

    /// <summary>Reads the body.</summary>
    public static CastVote DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadHash(), reader.ReadBytes(MaxBallotBytes, "ballot").ToArray());

    /// <inheritdoc />
    public bool Equals(CastVote? other) =>
        other is not null && Proposal == other.Proposal && Document == other.Document && Ballot.AsSpan().SequenceEqual(other.Ballot);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Proposal, Document, Ballot.Length);
}
