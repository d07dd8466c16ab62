using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.DataPractices;

/// <summary>
/// One version of a statement as a document: the domain tag <c>roundtable/practice-statement/v1</c>,
/// the publishing member's id, the digest of the version it replaces (optional), then the
/// statement. Its SHA-256 is the version's id and the digest of its notary anchor, so the
/// anchor's proof bundle proves exactly these bytes; naming the author and the previous version
/// keeps two organisations' identical statements, and a statement restored to earlier wording,
/// distinct documents.
/// </summary>
/// <param name="Author">The publishing member.</param>
/// <param name="Previous">The version this one replaces, or null for a first version.</param>
/// <param name="Statement">The statement.</param>
public sealed record PracticeDocument(Hash256 Author, Hash256? Previous, PracticeStatement Statement) : ICanonical<PracticeDocument>
{
    /// <summary>The media type the notary records for a statement version.</summary>
    public const string MediaType = "application/vnd.roundtable.practice-statement";

    /// <summary>The notary tag a statement version's anchor carries.</summary>
    public const string AnchorTag = "data-practice";

    private static ReadOnlySpan<byte> Domain => "roundtable/practice-statement/v1"u8;

    /// <summary>The document's bytes.</summary>
    public byte[] ToBytes() => Canonical.ToBytes(this);

    /// <summary>SHA-256 of <see cref="ToBytes"/>: the version's id and anchor digest.</summary>
    public Hash256 Digest => Hash256.Compute(ToBytes());

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteFixed(Domain);
        writer.WriteHash(Author);
        writer.WriteBool(Previous is not null);
        if (Previous is { } previous)
        {
            writer.WriteHash(previous);
        }

        Statement.Encode(writer);
    }

    /// <inheritdoc />
    public static PracticeDocument Decode(ref CanonicalReader reader)
    {
        if (!reader.ReadFixed(Domain.Length).SequenceEqual(Domain))
        {
            throw new DecodeException(DecodeError.InvalidValue, "Not a practice statement: the document must start with roundtable/practice-statement/v1.");
        }

        var author = reader.ReadHash();
        Hash256? previous = reader.ReadOptionalMarker() ? reader.ReadHash() : null;
        return new PracticeDocument(author, previous, PracticeStatement.Decode(ref reader));
    }
}
