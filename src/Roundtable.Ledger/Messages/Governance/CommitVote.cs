using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// A secret-ballot commitment: SHA-256(domain ‖ proposal ‖ voter ‖ ballot ‖ salt), see the
/// application's BallotCommitment. A later commitment of the same voter replaces it.
/// </summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Document">The document hash the voter read.</param>
/// <param name="Commitment">The commitment.</param>
public sealed record CommitVote(Hash256 Proposal, Hash256 Document, Hash256 Commitment) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.CommitVote;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Proposal);
        writer.WriteHash(Document);
        writer.WriteHash(Commitment);
    }

    /// <summary>Reads the body.</summary>
    public static CommitVote DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash(), reader.ReadHash(), reader.ReadHash());
}
