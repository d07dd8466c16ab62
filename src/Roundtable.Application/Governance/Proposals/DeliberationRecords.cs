using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>A comment in a proposal's deliberation record.</summary>
/// <param name="Author">The commenting member.</param>
/// <param name="AtMs">Block time.</param>
/// <param name="Text">The comment.</param>
public sealed record CommentRecord(Hash256 Author, ulong AtMs, string Text) : ICanonical<CommentRecord>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Author);
        writer.WriteVarUInt(AtMs);
        writer.WriteString(Text);
    }

    /// <inheritdoc />
    public static CommentRecord Decode(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadVarUInt(), reader.ReadString(GovernanceText.MaxTextBytes, "comment"));
}

/// <summary>What the author decided on an amendment.</summary>
public enum AmendmentResolution : byte
{
    /// <summary>Not yet decided.</summary>
    Pending = 0,

    /// <summary>Accepted: its document became the pinned one.</summary>
    Accepted = 1,

    /// <summary>Rejected.</summary>
    Rejected = 2,
}

/// <summary>An amendment: a full replacement document, its rationale and the author's resolution.</summary>
/// <param name="Proposer">The member who proposed it.</param>
/// <param name="Document">The replacement document.</param>
/// <param name="Rationale">Why.</param>
/// <param name="Resolution">Pending, accepted or rejected.</param>
public sealed record AmendmentRecord(Hash256 Proposer, ProposalDocument Document, string Rationale, AmendmentResolution Resolution) : ICanonical<AmendmentRecord>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Proposer);
        Document.Encode(writer);
        writer.WriteString(Rationale);
        writer.WriteByte((byte)Resolution);
    }

    /// <inheritdoc />
    public static AmendmentRecord Decode(ref CanonicalReader reader) =>
        new(reader.ReadHash(), ProposalDocument.Decode(ref reader), reader.ReadString(GovernanceText.MaxTextBytes, "rationale"), reader.ReadByte() switch
        {
            var r and <= (byte)AmendmentResolution.Rejected => (AmendmentResolution)r,
            var r => throw new DecodeException(DecodeError.InvalidValue, $"Amendment resolution {r} is unknown."),
        });
}
