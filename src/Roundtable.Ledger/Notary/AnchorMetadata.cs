using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Notary;

/// <summary>
/// The public description an author chooses to publish with an anchored digest. Nothing of the
/// document itself is here, only what the author typed.
/// </summary>
/// <param name="Title">1–200 UTF-8 bytes.</param>
/// <param name="MediaType">A lowercase RFC 6838 <c>type/subtype</c> (<see cref="Notary.MediaType"/>).</param>
/// <param name="SizeBytes">The document's size in bytes.</param>
/// <param name="Url">Where it may be fetched (<see cref="AnchorUrl"/>), or null.</param>
/// <param name="Tags">At most 16 identifiers, strictly ascending.</param>
public sealed record AnchorMetadata(string Title, string MediaType, ulong SizeBytes, string? Url, IReadOnlyList<string> Tags) : ICanonical<AnchorMetadata>
{
    /// <summary>Maximum UTF-8 length of a title.</summary>
    public const int MaxTitleBytes = 200;

    /// <summary>Most tags.</summary>
    public const int MaxTags = 16;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Title);
        writer.WriteString(MediaType);
        writer.WriteVarUInt(SizeBytes);
        writer.WriteOptional(Url, static (w, u) => w.WriteString(u));
        BoundedText.WriteList(writer, Tags);
    }

    /// <inheritdoc />
    public static AnchorMetadata Decode(ref CanonicalReader reader)
    {
        var title = BoundedText.ReadNonEmpty(ref reader, MaxTitleBytes, "anchor title");
        var mediaType = reader.ReadString(Notary.MediaType.MaxBytes, "media type");
        if (!Notary.MediaType.IsValid(mediaType))
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Media type '{mediaType}' is not a lowercase type/subtype (RFC 6838).");
        }

        var size = reader.ReadVarUInt();
        string? url = null;
        if (reader.ReadOptionalMarker())
        {
            url = reader.ReadString(AnchorUrl.MaxBytes, "anchor URL");
            if (!AnchorUrl.IsValid(url))
            {
                throw new DecodeException(DecodeError.InvalidValue, "The anchor URL must be an http:// or https:// address of printable ASCII with a host.");
            }
        }

        return new AnchorMetadata(title, mediaType, size, url, Identifier.ReadAscendingList(ref reader, 0, MaxTags, "tag"));
    }

    /// <inheritdoc />
    public bool Equals(AnchorMetadata? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Canonical.ToBytes(this));
        return hash.ToHashCode();
    }
}
