using System.Text.Json;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.DataPractices;
using Roundtable.Node.Json;
using Roundtable.Node.Tests.Support;
using Roundtable.Tests.Support;

namespace Roundtable.Node.Tests;

public sealed class PracticeMessageJsonTests
{
    private static readonly PracticeStatement Directory = PracticeExamples.Directory;

    private static readonly Hash256 Version = Hash256.Compute("version"u8);

    public static TheoryData<TxMessage> Messages =>
    [
        new PublishPracticeStatement(Directory),
        new PublishPracticeStatement(Directory with { Transfers = [] }),
        new RevisePracticeStatement(Version, Directory with { Retention = "90 days." }, "Shorter retention."),
        new CommentOnPracticeStatement(Version, "Which hosting provider?"),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_JSON_form_of_a_register_message_reads_back_as_the_same_message(TxMessage message) =>
        MessageJsonRoundTrip.AssertReadsBack(message);

    [Fact]
    public void Lists_in_any_order_are_read_as_sets_and_transfers_may_be_left_out()
    {
        var json = """
            {"type":"publish-practice-statement","statement":{"title":"Member directory","dataCategories":["organisation","contact-details"],
             "purpose":"To let members find and contact each other.","legalBasis":"legitimate-interests","retention":"Until membership ends, then 30 days.",
             "storedIn":["western-europe-others"],"processedIn":["western-europe-others","africa"],"contact":"privacy@example.org"}}
            """;
        using var document = JsonDocument.Parse(json);

        var message = Assert.IsType<PublishPracticeStatement>(MessageJson.FromJson(document.RootElement));

        Assert.Equal(new PublishPracticeStatement(Directory with { Transfers = [] }), message);
    }

    [Fact]
    public void A_statement_that_is_not_an_object_is_refused_naming_the_field()
    {
        using var document = JsonDocument.Parse("""{"type":"publish-practice-statement","statement":"all good"}""");

        var error = Assert.Throws<JsonFormException>(() => MessageJson.FromJson(document.RootElement));

        Assert.Contains("'statement'", error.Message, StringComparison.Ordinal);
    }
}
