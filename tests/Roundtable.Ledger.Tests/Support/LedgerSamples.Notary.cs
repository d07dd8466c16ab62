using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>Samples of the notary messages (type tags 80–95) and of the anchor record.</summary>
internal sealed partial class LedgerSamples
{
    private static readonly string[] MediaTypes = ["application/pdf", "text/csv", "application/vnd.oasis.opendocument.text", "image/svg+xml", "application/x-7z-compressed", MediaType.Unknown];

    /// <summary>The message with one field changed, or null when it is not a notary message.</summary>
    public static TxMessage? AlteredNotaryMessage(TxMessage message) => message switch
    {
        AnchorDocument m => m with { Metadata = m.Metadata with { SizeBytes = m.Metadata.SizeBytes ^ 1 } },
        CosignAnchor m => new CosignAnchor(Other(m.Digest)),
        RevokeAnchor m => m with { Digest = Other(m.Digest) },
        SupersedeAnchor m => m with { Replacement = Other(m.Replacement) },
        _ => null,
    };

    /// <summary>An anchor record at any point of its life, with co-signers.</summary>
    public AnchorRecord AnchorRecord()
    {
        var digest = Hash();
        var record = Ledger.Notary.AnchorRecord.Anchored(digest, Signer(), Metadata(), Links(digest));
        foreach (var _ in Enumerable.Range(0, BoundaryLength(0, 8)))
        {
            var signer = Signer();
            if (!record.IsSignedBy(signer.Member))
            {
                record = record.WithEndorsement(signer);
            }
        }

        if (_random.Next(3) == 0)
        {
            return record;
        }

        var replacement = _random.Next(2) == 0 ? (Hash256?)null : Hash();
        var proposal = _random.Next(2) == 0 ? (Hash256?)null : Hash();
        return record.Withdrawn(Text(1, Ledger.Notary.AnchorRecord.MaxReasonBytes), Integer(), replacement, proposal);
    }

    private TxMessage NotaryMessage(MessageType type) => type switch
    {
        MessageType.AnchorDocument => AnchorDocument(),
        MessageType.CosignAnchor => new CosignAnchor(Hash()),
        MessageType.RevokeAnchor => new RevokeAnchor(Hash(), Text(1, Ledger.Notary.AnchorRecord.MaxReasonBytes)),
        MessageType.SupersedeAnchor => new SupersedeAnchor(Hash(), Hash(), Text(1, Ledger.Notary.AnchorRecord.MaxReasonBytes)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a notary message."),
    };

    private AnchorDocument AnchorDocument()
    {
        var digest = Hash();
        return new AnchorDocument(digest, Metadata(), Links(digest));
    }

    private AnchorMetadata Metadata() => new(
        Text(1, AnchorMetadata.MaxTitleBytes),
        MediaTypes[_random.Next(MediaTypes.Length)],
        Integer(),
        _random.Next(2) == 0 ? null : "https://example.org/" + RandomString("abcdefghijklmnopqrstuvwxyz0123456789-._~%/?=&", BoundaryLength(0, AnchorUrl.MaxBytes - 20)),
        [.. Enumerable.Range(0, BoundaryLength(0, AnchorMetadata.MaxTags)).Select(_ => Identifier()).Distinct().Order(StringComparer.Ordinal)]);

    private LineageLink[] Links(Hash256 child)
    {
        var parents = Enumerable.Range(0, BoundaryLength(0, LineageLink.MaxLinks)).Select(_ => Hash()).Where(p => p != child).Distinct().Order().ToArray();
        var version = parents.Length == 0 || _random.Next(2) == 0 ? -1 : _random.Next(parents.Length);
        return [.. parents.Select((p, i) => new LineageLink(i == version ? LineageRelation.NewVersionOf : LineageRelation.DerivedFrom, p))];
    }

    private AnchorSigner Signer() => new(Hash(), Identifier(), Identifier(), _random.Next(2) == 0, Integer(), Integer());
}
