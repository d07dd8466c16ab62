using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Notary;

namespace Roundtable.Ledger.Messages.Notary;

/// <summary>
/// Anchors a document by its SHA-256 digest, with the public metadata its author chooses and links
/// to earlier anchors. The digest is the anchor's id: a digest is anchored once, by its first
/// author; others co-sign it (<see cref="CosignAnchor"/>).
/// </summary>
/// <param name="Digest">SHA-256 of the document.</param>
/// <param name="Metadata">Title, media type, size, optional URL, tags.</param>
/// <param name="Links">At most 16 links to existing anchors, ascending by parent, none to itself, at most one new-version-of.</param>
public sealed record AnchorDocument(Hash256 Digest, AnchorMetadata Metadata, IReadOnlyList<LineageLink> Links) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.AnchorDocument;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Digest);
        Metadata.Encode(writer);
        LineageLink.WriteList(writer, Links);
    }

    /// <summary>Reads the body.</summary>
    public static AnchorDocument DecodeBody(ref CanonicalReader reader)
    {
        var digest = reader.ReadHash();
        var metadata = AnchorMetadata.Decode(ref reader);
        var links = LineageLink.ReadList(ref reader);
        if (links.Any(l => l.Parent == digest))
        {
            throw new DecodeException(DecodeError.InvalidValue, "An anchor cannot link to itself.");
        }

        return new AnchorDocument(digest, metadata, links);
    }

    /// <inheritdoc />
    public bool Equals(AnchorDocument? other) => BodyEquality.Same(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => BodyEquality.HashOf(this);
}
