using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Notary;

/// <summary>
/// An anchored document as the state holds it at <see cref="NotaryKeys.Anchor"/> of its digest.
/// It lives in the ledger library, not the application, so an offline verifier that checks a proof
/// of that key can decode it with nothing but the core libraries.
/// </summary>
/// <param name="Digest">SHA-256 of the document: the anchor's id.</param>
/// <param name="Author">The anchoring member, as of the anchoring block (its height and time are the anchor's).</param>
/// <param name="Metadata">What the author published about the document.</param>
/// <param name="Links">Lineage links to earlier anchors, ascending by parent digest.</param>
/// <param name="Endorsements">Co-signers, ascending by member id.</param>
/// <param name="Status">Active, revoked or superseded.</param>
/// <param name="StatusReason">Why it was revoked or superseded; empty while active.</param>
/// <param name="StatusHeight">Height at which it was revoked or superseded; 0 while active.</param>
/// <param name="Replacement">The anchor that supersedes it; null unless superseded.</param>
/// <param name="WithdrawingProposal">The executed proposal that revoked or superseded it; null when its author did, or while active.</param>
public sealed record AnchorRecord(
    Hash256 Digest,
    AnchorSigner Author,
    AnchorMetadata Metadata,
    IReadOnlyList<LineageLink> Links,
    IReadOnlyList<AnchorSigner> Endorsements,
    AnchorStatus Status,
    string StatusReason,
    ulong StatusHeight,
    Hash256? Replacement,
    Hash256? WithdrawingProposal) : ICanonical<AnchorRecord>
{
    /// <summary>Most co-signers of one anchor.</summary>
    public const int MaxEndorsements = 256;

    /// <summary>Maximum UTF-8 length of a revocation or supersession reason.</summary>
    public const int MaxReasonBytes = 500;

    /// <summary>Height of the anchoring block.</summary>
    public ulong AnchoredHeight => Author.Height;

    /// <summary>Time of the anchoring block, milliseconds since the Unix epoch.</summary>
    public ulong AnchoredTimeMs => Author.TimeMs;

    /// <summary>A new active anchor.</summary>
    public static AnchorRecord Anchored(Hash256 digest, AnchorSigner author, AnchorMetadata metadata, IReadOnlyList<LineageLink> links) =>
        new(digest, author, metadata, links, [], AnchorStatus.Active, string.Empty, 0, null, null);

    /// <summary>This anchor with <paramref name="signer"/> among its co-signers, kept in member-id order.</summary>
    public AnchorRecord WithEndorsement(AnchorSigner signer) =>
        this with { Endorsements = [.. Endorsements.Append(signer).OrderBy(e => e.Member)] };

    /// <summary>
    /// This anchor revoked, or superseded by <paramref name="replacement"/> when one is given: by its
    /// author, or by the executed proposal <paramref name="proposal"/> when one is given.
    /// </summary>
    public AnchorRecord Withdrawn(string reason, ulong height, Hash256? replacement, Hash256? proposal) =>
        this with
        {
            Status = replacement is null ? AnchorStatus.Revoked : AnchorStatus.Superseded, StatusReason = reason, StatusHeight = height,
            Replacement = replacement, WithdrawingProposal = proposal,
        };

    /// <summary>True when <paramref name="member"/> authored or co-signed this anchor.</summary>
    public bool IsSignedBy(Hash256 member) => Author.Member == member || Endorsements.Any(e => e.Member == member);

    /// <summary>
    /// Writes digest, author, metadata, links, endorsements, then the status byte
    /// (<see cref="AnchorStatusByte"/>: status and who withdrew it); a revoked or superseded anchor
    /// adds its reason and height, a superseded one its replacement, one withdrawn by a proposal
    /// the proposal's id.
    /// </summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Digest);
        Author.Encode(writer);
        Metadata.Encode(writer);
        LineageLink.WriteList(writer, Links);
        writer.WriteList(Endorsements, static (w, e) => e.Encode(w));
        writer.WriteByte(AnchorStatusByte.Of(Status, WithdrawingProposal is not null));
        if (Status == AnchorStatus.Active)
        {
            return;
        }

        writer.WriteString(StatusReason);
        writer.WriteVarUInt(StatusHeight);
        if (Status == AnchorStatus.Superseded)
        {
            writer.WriteHash(Replacement ?? throw new InvalidOperationException("A superseded anchor names its replacement."));
        }

        if (WithdrawingProposal is { } proposal)
        {
            writer.WriteHash(proposal);
        }
    }

    /// <inheritdoc />
    public static AnchorRecord Decode(ref CanonicalReader reader)
    {
        var digest = reader.ReadHash();
        var author = AnchorSigner.Decode(ref reader);
        var metadata = AnchorMetadata.Decode(ref reader);
        var links = LineageLink.ReadList(ref reader);
        var endorsements = ReadEndorsements(ref reader);
        var (status, byProposal) = AnchorStatusByte.Read(ref reader);
        if (status == AnchorStatus.Active)
        {
            return new AnchorRecord(digest, author, metadata, links, endorsements, status, string.Empty, 0, null, null);
        }

        var reason = BoundedText.ReadNonEmpty(ref reader, MaxReasonBytes, "status reason");
        var height = reader.ReadVarUInt();
        Hash256? replacement = status == AnchorStatus.Superseded ? reader.ReadHash() : null;
        Hash256? proposal = byProposal ? reader.ReadHash() : null;
        return new AnchorRecord(digest, author, metadata, links, endorsements, status, reason, height, replacement, proposal);
    }

    /// <summary>Reads the digest of the anchor that supersedes <paramref name="digest"/>, refusing the digest itself: nothing supersedes itself.</summary>
    public static Hash256 ReadReplacement(ref CanonicalReader reader, Hash256 digest)
    {
        var replacement = reader.ReadHash();
        return replacement != digest ? replacement : throw new DecodeException(DecodeError.InvalidValue, "An anchor cannot supersede itself.");
    }

    private static AnchorSigner[] ReadEndorsements(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxEndorsements, "endorsement count");
        var endorsements = new AnchorSigner[count];
        for (var i = 0; i < count; i++)
        {
            endorsements[i] = AnchorSigner.Decode(ref reader);
            if (i > 0 && endorsements[i - 1].Member >= endorsements[i].Member)
            {
                throw new DecodeException(DecodeError.NonCanonical, "Endorsements must name each member once, in ascending member-id order.");
            }
        }

        return endorsements;
    }
}
