using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;
using Roundtable.Ledger.Tests.Support;

namespace Roundtable.Ledger.Tests.Notary;

public sealed class NotaryEncodingTests
{
    private static readonly Hash256 Digest = Hash256.Compute("report.pdf"u8);
    private static readonly Hash256 ParentA = Hash256.Compute("a"u8);
    private static readonly Hash256 ParentB = Hash256.Compute("b"u8);
    private static readonly Hash256[] Parents = [.. new[] { ParentA, ParentB }.Order()];

    private static readonly AnchorMetadata Report = new("IGF 2025 workshop report", "application/pdf", 48_213, "https://example.org/reports/igf-2025.pdf?v=2#p1", ["igf", "report"]);

    private static readonly AnchorSigner Ada = new(Hash256.Compute("ada"u8), "technical", "europe", true, 7, 1_750_000_007_000);

    private static AnchorDocument Anchor(AnchorMetadata? metadata = null, params LineageLink[] links) => new(Digest, metadata ?? Report, links);

    public static TheoryData<TxMessage> Examples =>
    [
        Anchor(),
        Anchor(Report with { Url = null, Tags = [], SizeBytes = 0 }),
        Anchor(Report with { MediaType = "application/vnd.oasis.opendocument.text+zip", Title = "Données ouvertes 🌍" }, new LineageLink(LineageRelation.NewVersionOf, Parents[0]), new LineageLink(LineageRelation.DerivedFrom, Parents[1])),
        new CosignAnchor(Digest),
        new RevokeAnchor(Digest, "Published by mistake: the draft, not the final text."),
        new SupersedeAnchor(Digest, ParentA, "Corrected figures in table 3."),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Notary_messages_decode_to_equal_values_and_re_encode_identically(TxMessage message) =>
        MessageBytes.AssertRoundTrips(message);

    [Fact]
    public void Notary_messages_carry_the_tags_80_to_83()
    {
        Assert.Equal(80, MessageBytes.Encode(Anchor())[0]);
        Assert.Equal(81, MessageBytes.Encode(new CosignAnchor(Digest))[0]);
        Assert.Equal(82, MessageBytes.Encode(new RevokeAnchor(Digest, "r"))[0]);
        Assert.Equal(83, MessageBytes.Encode(new SupersedeAnchor(Digest, ParentA, "r"))[0]);
    }

    [Fact]
    public void Anchor_records_at_every_stage_re_encode_identically()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var bytes = Canonical.ToBytes(new LedgerSamples(seed, sign: false).AnchorRecord());

            var decoded = Canonical.FromBytes<AnchorRecord>(bytes);

            Assert.Equal(bytes, Canonical.ToBytes(decoded));
        }
    }

    [Fact]
    public void A_superseded_record_keeps_its_reason_height_and_replacement()
    {
        var record = AnchorRecord.Anchored(Digest, Ada, Report, [new LineageLink(LineageRelation.DerivedFrom, ParentA)])
            .WithEndorsement(Ada with { Member = Hash256.Compute("zed"u8) })
            .WithEndorsement(Ada with { Member = Hash256.Compute("bo"u8), Verified = false })
            .Withdrawn("Corrected figures.", 9, ParentB, null);

        var decoded = Canonical.FromBytes<AnchorRecord>(Canonical.ToBytes(record));

        Assert.Equal(AnchorStatus.Superseded, decoded.Status);
        Assert.Equal("Corrected figures.", decoded.StatusReason);
        Assert.Equal(9UL, decoded.StatusHeight);
        Assert.Equal(ParentB, decoded.Replacement);
        Assert.Equal(7UL, decoded.AnchoredHeight);
        Assert.Equal(Report, decoded.Metadata);
        Assert.Equal(record.Endorsements.Select(e => e.Member).Order(), decoded.Endorsements.Select(e => e.Member));
    }

    [Fact]
    public void The_anchor_key_is_the_digest_in_lowercase_hex_under_anchor()
    {
        var key = NotaryKeys.Anchor(Digest);

        Assert.Equal("anchor/" + Convert.ToHexStringLower(Digest.ToArray()), System.Text.Encoding.ASCII.GetString(key));
        Assert.Equal(Digest, NotaryKeys.DigestAtEnd(NotaryKeys.MemberAnchor(ParentA, Digest)));
        Assert.Equal(Digest, NotaryKeys.DigestAtEnd(NotaryKeys.Child(ParentA, Digest)));
        Assert.StartsWith("anchor-member/", System.Text.Encoding.ASCII.GetString(NotaryKeys.MemberAnchorPrefix(ParentA)), StringComparison.Ordinal);
    }

    public static TheoryData<string, TxMessage> Refused => new()
    {
        { "empty title", Anchor(Report with { Title = "" }) },
        { "title of 201 bytes", Anchor(Report with { Title = new string('t', 199) + "é" }) },
        { "upper-case media type", Anchor(Report with { MediaType = "Application/PDF" }) },
        { "media type without subtype", Anchor(Report with { MediaType = "text" }) },
        { "media type with a parameter", Anchor(Report with { MediaType = "text/plain; charset=utf-8" }) },
        { "media type starting with a symbol", Anchor(Report with { MediaType = "+text/plain" }) },
        { "media type of 128 bytes", Anchor(Report with { MediaType = "application/" + new string('x', 116) }) },
        { "ftp URL", Anchor(Report with { Url = "ftp://example.org/report.pdf" }) },
        { "URL with a space", Anchor(Report with { Url = "https://example.org/my report.pdf" }) },
        { "URL without a host", Anchor(Report with { Url = "https:///report.pdf" }) },
        { "non-ASCII URL", Anchor(Report with { Url = "https://exämple.org/" }) },
        { "URL of 513 bytes", Anchor(Report with { Url = "https://example.org/" + new string('p', 493) }) },
        { "tags out of order", Anchor(Report with { Tags = ["report", "igf"] }) },
        { "duplicate tag", Anchor(Report with { Tags = ["igf", "igf"] }) },
        { "tag that is not an identifier", Anchor(Report with { Tags = ["IGF 2025"] }) },
        { "seventeen tags", Anchor(Report with { Tags = [.. Enumerable.Range(0, 17).Select(i => $"t{i:D2}")] }) },
        { "two new-version-of links", Anchor(null, new LineageLink(LineageRelation.NewVersionOf, Parents[0]), new LineageLink(LineageRelation.NewVersionOf, Parents[1])) },
        { "links out of order", Anchor(null, new LineageLink(LineageRelation.DerivedFrom, Parents[1]), new LineageLink(LineageRelation.DerivedFrom, Parents[0])) },
        { "the same parent twice", Anchor(null, new LineageLink(LineageRelation.DerivedFrom, ParentA), new LineageLink(LineageRelation.NewVersionOf, ParentA)) },
        { "a link to itself", Anchor(null, new LineageLink(LineageRelation.DerivedFrom, Digest)) },
        { "unknown relation", Anchor(null, new LineageLink((LineageRelation)3, ParentA)) },
        { "seventeen links", Anchor(null, [.. Enumerable.Range(0, 17).Select(i => Hash256.Compute([(byte)i])).Order().Select(p => new LineageLink(LineageRelation.DerivedFrom, p))]) },
        { "empty revocation reason", new RevokeAnchor(Digest, "") },
        { "revocation reason of 501 bytes", new RevokeAnchor(Digest, new string('r', 501)) },
        { "superseded by itself", new SupersedeAnchor(Digest, Digest, "same") },
        { "empty supersession reason", new SupersedeAnchor(Digest, ParentA, "") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Malformed_notary_messages_are_refused_with_a_decode_error(string what, TxMessage message)
    {
        var e = Assert.Throws<DecodeException>(() => MessageBytes.Decode(MessageBytes.Encode(message)));
        Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
    }

    [Theory]
    [InlineData(84)]
    [InlineData(95)]
    public void Unassigned_tags_in_the_notary_range_are_UnknownType(byte tag)
    {
        Assert.Equal(DecodeError.UnknownType, Assert.Throws<DecodeException>(() => MessageBytes.Decode([tag])).Error);
    }

    public static TheoryData<string, AnchorRecord> RefusedRecords
    {
        get
        {
            var active = AnchorRecord.Anchored(Digest, Ada, Report, []);
            var first = Ada with { Member = Parents[0] };
            var second = Ada with { Member = Parents[1] };
            return new()
            {
                { "endorsements out of order", active with { Endorsements = [second, first] } },
                { "the same co-signer twice", active with { Endorsements = [first, first] } },
                { "unknown status", active with { Status = (AnchorStatus)6, StatusReason = "r" } },
                { "revoked without a reason", active with { Status = AnchorStatus.Revoked } },
                { "signer group that is not an identifier", active with { Author = Ada with { StakeholderGroup = "Technical" } } },
            };
        }
    }

    [Theory]
    [MemberData(nameof(RefusedRecords))]
    public void Malformed_anchor_records_are_refused_with_a_decode_error(string what, AnchorRecord record)
    {
        var e = Assert.Throws<DecodeException>(() => Canonical.FromBytes<AnchorRecord>(Canonical.ToBytes(record)));
        Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
    }
}
