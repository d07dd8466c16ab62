using System.Text;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.DataPractices;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Tests.Support;

namespace Roundtable.Ledger.Tests.DataPractices;

public sealed class PracticeEncodingTests
{
    private static readonly PracticeStatement Directory = PracticeExamples.Directory;

    private static readonly Hash256 Author = Hash256.Compute("example-org"u8);

    public static TheoryData<TxMessage> Examples =>
    [
        new PublishPracticeStatement(Directory),
        new PublishPracticeStatement(Directory with { Transfers = [], Contact = "https://example.org/privacy", Title = "Annuaire des membres 🌍" }),
        new RevisePracticeStatement(Author, Directory with { Retention = "90 days." }, "Shorter retention."),
        new CommentOnPracticeStatement(Author, "Which hosting provider?"),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Register_messages_decode_to_equal_values_and_re_encode_identically(TxMessage message) =>
        MessageBytes.AssertRoundTrips(message);

    [Fact]
    public void Register_messages_carry_the_tags_128_to_130()
    {
        Assert.Equal([0x80, 0x01], MessageBytes.Encode(new PublishPracticeStatement(Directory))[..2]);
        Assert.Equal([0x81, 0x01], MessageBytes.Encode(new RevisePracticeStatement(Author, Directory, "r"))[..2]);
        Assert.Equal([0x82, 0x01], MessageBytes.Encode(new CommentOnPracticeStatement(Author, "c"))[..2]);
    }

    [Fact]
    public void The_documented_vector_is_the_statement_document_and_its_digest()
    {
        var doc = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "data-practices.md"));
        var start = Array.IndexOf(doc, "```hex practice-document");
        Assert.True(start >= 0, "docs/data-practices.md has no ```hex practice-document block");
        var hex = new StringBuilder();
        for (var i = start + 1; doc[i] != "```"; i++)
        {
            hex.Append(Hex.Normalize(doc[i]));
        }

        var document = new PracticeDocument(Author, null, Directory);

        Assert.Equal(hex.ToString(), Convert.ToHexStringLower(document.ToBytes()));
        Assert.Contains($"`{document.Digest}`", string.Join('\n', doc), StringComparison.Ordinal);
        Assert.Equal(document, Canonical.FromBytes<PracticeDocument>(document.ToBytes()));
    }

    [Fact]
    public void The_author_and_the_previous_version_make_identical_statements_distinct_documents()
    {
        var first = new PracticeDocument(Author, null, Directory).Digest;

        Assert.NotEqual(first, new PracticeDocument(Hash256.Compute("other-org"u8), null, Directory).Digest);
        Assert.NotEqual(first, new PracticeDocument(Author, first, Directory).Digest);
    }

    public static TheoryData<PracticeStatement, string> Refused => new()
    {
        { Directory with { Title = new string('t', PracticeStatement.MaxTitleBytes + 1) }, "statement title length is 201, the limit is 200" },
        { Directory with { Purpose = new string('p', PracticeStatement.MaxPurposeBytes + 1) }, "purpose length is 1001, the limit is 1000" },
        { Directory with { Retention = " " }, "retention is empty" },
        { Directory with { DataCategories = [] }, "At least 1 data category" },
        { Directory with { DataCategories = [.. Enumerable.Range(0, 17).Select(i => $"c{i:D2}")] }, "data category count is 17, the limit is 16" },
        { Directory with { DataCategories = ["usage", "contact"] }, "ascending order" },
        { Directory with { DataCategories = ["Contact Details"] }, "is not an identifier" },
        { Directory with { StoredIn = [] }, "At least 1 storage region" },
        { Directory with { ProcessedIn = ["europe", "europe"] }, "must appear once" },
        { Directory with { Transfers = [new DataTransfer("b", "x", "adequacy"), new DataTransfer("a", "x", "adequacy")] }, "ordered by region then recipient" },
        { Directory with { Transfers = [new DataTransfer("asia-pacific", new string('r', DataTransfer.MaxRecipientBytes + 1), "adequacy")] }, "transfer recipient length is 201" },
        { Directory with { Contact = "Jane Doe" }, "contact point" },
        { Directory with { Contact = "http://example.org/privacy" }, "contact point" },
        { Directory with { Contact = "privacy@localhost" }, "contact point" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_statement_out_of_bounds_is_refused_by_the_decoder_with_a_reason_naming_the_field(PracticeStatement statement, string reason)
    {
        var bytes = MessageBytes.Encode(new PublishPracticeStatement(statement));

        var error = Assert.Throws<DecodeException>(() => MessageBytes.Decode(bytes));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversize_comment_is_refused_by_the_decoder()
    {
        var bytes = MessageBytes.Encode(new CommentOnPracticeStatement(Author, new string('c', CommentOnPracticeStatement.MaxTextBytes + 1)));

        var error = Assert.Throws<DecodeException>(() => MessageBytes.Decode(bytes));

        Assert.Contains("comment length is 2001, the limit is 2000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_the_domain_tag_is_not_a_statement()
    {
        var bytes = new PracticeDocument(Author, null, Directory).ToBytes();
        bytes[0] ^= 1;

        Assert.Throws<DecodeException>(() => Canonical.FromBytes<PracticeDocument>(bytes));
    }
}
