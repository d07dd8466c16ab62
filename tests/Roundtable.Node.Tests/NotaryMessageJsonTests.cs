using System.Text.Json;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Json;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class NotaryMessageJsonTests
{
    private static readonly Hash256 Digest = Hash256.Compute("report"u8);
    private static readonly Hash256[] Parents = [.. new[] { Hash256.Compute("a"u8), Hash256.Compute("b"u8) }.Order()];

    public static TheoryData<TxMessage> Messages =>
    [
        new AnchorDocument(Digest, new AnchorMetadata("Report", "application/pdf", 1_234, "https://example.org/r.pdf", ["igf", "report"]), []),
        new AnchorDocument(
            Digest,
            new AnchorMetadata("Données", "text/csv", 0, null, []),
            [new LineageLink(LineageRelation.DerivedFrom, Parents[0]), new LineageLink(LineageRelation.NewVersionOf, Parents[1])]),
        new CosignAnchor(Digest),
        new RevokeAnchor(Digest, "Published by mistake."),
        new SupersedeAnchor(Digest, Parents[0], "Corrected figures."),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_JSON_form_of_a_notary_message_reads_back_as_the_same_message(TxMessage message) =>
        MessageJsonRoundTrip.AssertReadsBack(message);

    [Fact]
    public void Tags_and_links_in_any_order_are_read_in_canonical_order()
    {
        var json = $$"""
            {"type":"anchor-document","digest":"{{Digest}}","title":"T","mediaType":"text/plain","sizeBytes":3,
             "tags":["zeta","alpha"],"links":[{"relation":"derived-from","parent":"{{Parents[1]}}"},{"relation":"derived-from","parent":"{{Parents[0]}}"}]}
            """;

        using var document = JsonDocument.Parse(json);
        var read = (AnchorDocument)MessageJson.FromJson(document.RootElement);

        Assert.Equal(["alpha", "zeta"], read.Metadata.Tags);
        Assert.Equal(Parents, read.Links.Select(l => l.Parent));
        Assert.Null(read.Metadata.Url);
    }

    [Fact]
    public void An_unknown_relation_is_refused_naming_the_field()
    {
        var json = $$"""{"type":"anchor-document","digest":"{{Digest}}","title":"T","mediaType":"text/plain","sizeBytes":3,"tags":[],"links":[{"relation":"copy-of","parent":"{{Digest}}"}]}""";

        using var document = JsonDocument.Parse(json);

        Assert.Contains("'relation'", Assert.Throws<JsonFormException>(() => MessageJson.FromJson(document.RootElement)).Message, StringComparison.Ordinal);
    }
}
