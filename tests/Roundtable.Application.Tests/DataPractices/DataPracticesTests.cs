using Roundtable.Application.DataPractices;
using Roundtable.Application.Execution;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.DataPractices;
using Roundtable.Ledger.Messages.DataPractices;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;

namespace Roundtable.Application.Tests.DataPractices;

public sealed class DataPracticesTests
{
    private static readonly PrivateKey Organisation = TestChain.Founder("private-sector", 0);
    private static readonly PrivateKey Other = TestChain.Founder("civil-society", 0);

    private static readonly PracticeStatement Directory = new(
        "Member directory",
        ["contact-details", "organisation"],
        "To let members find and contact each other.",
        "legitimate-interests",
        "Until membership ends, then 30 days.",
        ["europe"],
        ["africa", "europe"],
        [new DataTransfer("asia-pacific", "Hosting provider", "contractual-clauses")],
        "privacy@example.org");

    private static readonly PracticeStatement Revised = Directory with { StoredIn = ["africa"], Retention = "90 days after membership ends." };

    private static Hash256 Publish(TestChain chain, PrivateKey author, PracticeStatement statement)
    {
        chain.RunOk(chain.Tx(author, new PublishPracticeStatement(statement)));
        return new PracticeDocument(author.PublicKey.Id, null, statement).Digest;
    }

    private static Hash256 Revise(TestChain chain, Hash256 previous, PracticeStatement statement)
    {
        chain.RunOk(chain.Tx(Organisation, new RevisePracticeStatement(previous, statement, "Data now stays in Africa.")));
        return new PracticeDocument(Organisation.PublicKey.Id, previous, statement).Digest;
    }

    [Fact]
    public void A_published_statement_is_anchored_in_the_notary_as_its_document()
    {
        var chain = new TestChain();

        var id = Publish(chain, Organisation, Directory);

        var history = chain.App.GetPracticeStatement(id)!;
        Assert.Equal((id, Organisation.PublicKey.Id, 1u), (history.Entry.Head.Current, history.Entry.Head.Author, history.Entry.Head.Versions));
        Assert.Equal(Directory, history.Entry.Current.Statement);
        var anchor = chain.App.GetAnchor(id)!;
        Assert.Equal(Organisation.PublicKey.Id, anchor.Author.Member);
        Assert.Equal((PracticeDocument.MediaType, (ulong)history.Entry.Current.Document.ToBytes().Length, "Member directory"), (anchor.Metadata.MediaType, anchor.Metadata.SizeBytes, anchor.Metadata.Title));
        Assert.Equal(id, Hash256.Compute(Canonical.ToBytes(chain.App.GetPracticeVersion(id)!.Document)));
        Assert.Equal(PracticeStanding.InForce, Assert.Single(chain.App.ListPracticeStatements(PracticeFilter.All)).Standing);
        Assert.Equal(chain.App.StateRoot, chain.Replay().StateRoot);
    }

    [Fact]
    public void A_new_version_supersedes_the_old_anchor_and_both_stay_in_the_lineage()
    {
        var chain = new TestChain();
        var first = Publish(chain, Organisation, Directory);

        var second = Revise(chain, first, Revised);

        var history = chain.App.GetPracticeStatement(first)!;
        Assert.Equal([second, first], history.Versions.Select(v => v.Version.Digest));
        Assert.Equal([2u, 1u], history.Versions.Select(v => v.Version.Number));
        Assert.Equal((first, second, 2u), (history.Entry.Head.Id, history.Entry.Head.Current, history.Entry.Head.Versions));
        var old = chain.App.GetAnchor(first)!;
        Assert.Equal((AnchorStatus.Superseded, second, "Data now stays in Africa."), (old.Status, old.Replacement, old.StatusReason));
        Assert.Equal(new LineageLink(LineageRelation.NewVersionOf, first), Assert.Single(chain.App.GetAnchor(second)!.Links));
        Assert.Equal(second, Assert.Single(chain.App.GetAnchorLineage(first)!.Descendants).Anchor.Digest);
        Assert.Equal(history.Entry.Head, chain.App.GetPracticeStatement(second)!.Entry.Head);
        Assert.Equal(Revised, Assert.Single(chain.App.ListPracticeStatements(PracticeFilter.All)).Current.Statement);
    }

    [Fact]
    public void The_map_counts_organisations_storing_and_processing_in_each_region_over_statements_in_force()
    {
        var chain = new TestChain();
        var first = Publish(chain, Organisation, Directory);
        Publish(chain, Organisation, Directory with { Title = "Newsletter", ProcessedIn = ["europe"] });
        Publish(chain, Other, Directory with { StoredIn = ["latin-america"], ProcessedIn = ["latin-america"] });
        Revise(chain, first, Revised);

        var figures = chain.App.CountPracticesByRegion().ToDictionary(f => f.Region, f => (f.Storing, f.Processing));

        Assert.Equal((1, 1), figures["africa"]);
        Assert.Equal((0, 0), figures["asia-pacific"]);
        Assert.Equal((1, 1), figures["europe"]);
        Assert.Equal((1, 1), figures["latin-america"]);
    }

    [Fact]
    public void A_statement_withdrawn_through_the_notary_leaves_the_map_but_stays_listed_on_request()
    {
        var chain = new TestChain();
        var id = Publish(chain, Organisation, Directory);

        chain.RunOk(chain.Tx(Organisation, new RevokeAnchor(id, "We no longer keep a directory.")));

        Assert.Empty(chain.App.ListPracticeStatements(PracticeFilter.All));
        Assert.Equal(PracticeStanding.Withdrawn, Assert.Single(chain.App.ListPracticeStatements(new PracticeFilter(IncludeWithdrawn: true))).Standing);
        Assert.All(chain.App.CountPracticesByRegion(), f => Assert.Equal((0, 0), (f.Storing, f.Processing)));
        chain.RefuseConsumingSequence(chain.Tx(Organisation, new RevisePracticeStatement(id, Revised, "Back.")), TxCode.InvalidArgument);
    }

    [Fact]
    public void The_list_filters_by_region_legal_basis_and_data_category()
    {
        var chain = new TestChain();
        Publish(chain, Organisation, Directory);
        Publish(chain, Other, Directory with { LegalBasis = "consent", DataCategories = ["usage-logs"], StoredIn = ["latin-america"], ProcessedIn = ["latin-america"] });

        string[] Titles(PracticeFilter filter) => [.. chain.App.ListPracticeStatements(filter).Select(e => e.Current.Document.Author == Other.PublicKey.Id ? "other" : "organisation")];

        Assert.Equal(["organisation"], Titles(new PracticeFilter(Region: "africa")));
        Assert.Equal(["other"], Titles(new PracticeFilter(Region: "latin-america")));
        Assert.Equal(["other"], Titles(new PracticeFilter(LegalBasis: "consent")));
        Assert.Equal(["organisation"], Titles(new PracticeFilter(Category: "contact-details", LegalBasis: "legitimate-interests")));
        Assert.Empty(Titles(new PracticeFilter(Region: "asia-pacific")));
    }

    [Fact]
    public void Any_member_comments_on_a_version_and_the_statement_keeps_the_comments_in_order()
    {
        var chain = new TestChain();
        var first = Publish(chain, Organisation, Directory);
        chain.RunOk(chain.Tx(Other, new CommentOnPracticeStatement(first, "Which hosting provider?")));
        var second = Revise(chain, first, Revised);
        var newcomer = chain.Register("newcomer");

        chain.RunOk(chain.Tx(newcomer, new CommentOnPracticeStatement(second, "Thank you for moving it.")));

        var history = chain.App.GetPracticeStatement(second)!;
        Assert.Equal(
            [(first, Other.PublicKey.Id, "Which hosting provider?"), (second, newcomer.PublicKey.Id, "Thank you for moving it.")],
            history.Comments.Select(c => (c.Version, c.Author, c.Text)));
        Assert.Equal(2u, history.Entry.Head.Comments);
        Assert.Empty(history.Disputes);
    }

    [Fact]
    public void Only_the_publishing_member_may_publish_a_new_version()
    {
        var chain = new TestChain();
        var id = Publish(chain, Organisation, Directory);

        var result = chain.RefuseConsumingSequence(chain.Tx(Other, new RevisePracticeStatement(id, Revised, "Hijack.")), TxCode.Unauthorized);

        Assert.Contains("Only the member who published this statement", result.Reason, StringComparison.Ordinal);
        Assert.Equal(id, chain.App.GetPracticeStatement(id)!.Entry.Head.Current);
    }

    [Fact]
    public void Only_the_current_version_may_be_revised()
    {
        var chain = new TestChain();
        var first = Publish(chain, Organisation, Directory);
        var second = Revise(chain, first, Revised);

        var result = chain.RefuseConsumingSequence(chain.Tx(Organisation, new RevisePracticeStatement(first, Directory with { Title = "Fork" }, "Fork.")), TxCode.InvalidArgument);

        Assert.Contains(second.ToShortString(), result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_legal_basis_is_refused_with_the_list_of_bases()
    {
        var chain = new TestChain();

        var result = chain.RefuseConsumingSequence(chain.Tx(Organisation, new PublishPracticeStatement(Directory with { LegalBasis = "because" })), TxCode.UnknownLegalBasis);

        Assert.Contains("'because' is not one of: consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_that_is_not_one_of_the_chains_is_refused_wherever_it_appears()
    {
        var chain = new TestChain();

        foreach (var statement in new[]
        {
            Directory with { StoredIn = ["mars"] },
            Directory with { ProcessedIn = ["africa", "mars"] },
            Directory with { Transfers = [new DataTransfer("mars", "Rover", "adequacy")] },
        })
        {
            var result = chain.RefuseConsumingSequence(chain.Tx(Organisation, new PublishPracticeStatement(statement)), TxCode.UnknownRegion);
            Assert.Contains("Region 'mars' is not one of this chain's regions: africa, asia-pacific, europe, latin-america", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_transfer_basis_is_refused_with_the_list_of_bases()
    {
        var chain = new TestChain();

        var result = chain.RefuseConsumingSequence(
            chain.Tx(Organisation, new PublishPracticeStatement(Directory with { Transfers = [new DataTransfer("asia-pacific", "Hosting provider", "trust-us")] })),
            TxCode.UnknownTransferBasis);

        Assert.Contains("'trust-us'", result.Reason, StringComparison.Ordinal);
        Assert.Contains("contractual-clauses", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_is_checked_like_a_publication()
    {
        var chain = new TestChain();
        var id = Publish(chain, Organisation, Directory);

        chain.RefuseConsumingSequence(chain.Tx(Organisation, new RevisePracticeStatement(id, Directory with { LegalBasis = "because" }, "r")), TxCode.UnknownLegalBasis);
        chain.RefuseConsumingSequence(chain.Tx(Organisation, new RevisePracticeStatement(id, Directory with { StoredIn = ["mars"] }, "r")), TxCode.UnknownRegion);
    }

    [Fact]
    public void Oversize_fields_never_reach_the_application_the_decoder_refuses_them_and_names_the_field()
    {
        var chain = new TestChain();
        var root = chain.App.StateRoot;

        var error = Assert.Throws<DecodeException>(() => chain.Tx(Organisation, new PublishPracticeStatement(Directory with { Purpose = new string('p', PracticeStatement.MaxPurposeBytes + 1) })));

        Assert.Contains("purpose length is 1001, the limit is 1000", error.Message, StringComparison.Ordinal);
        Assert.Equal(root, chain.App.StateRoot);
    }

    [Fact]
    public void A_member_publishes_at_most_the_limit_of_statements()
    {
        var chain = new TestChain();
        for (var i = 0; i < DataPracticesModule.MaxStatementsPerMember; i++)
        {
            Publish(chain, Organisation, Directory with { Title = $"Practice {i}" });
        }

        var result = chain.RefuseConsumingSequence(chain.Tx(Organisation, new PublishPracticeStatement(Directory with { Title = "One too many" })), TxCode.Oversize);

        Assert.Contains("new version", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_statement_published_twice_is_refused_and_commenting_needs_a_known_version()
    {
        var chain = new TestChain();
        Publish(chain, Organisation, Directory);

        chain.RefuseConsumingSequence(chain.Tx(Organisation, new PublishPracticeStatement(Directory)), TxCode.AlreadyExists);
        chain.RefuseConsumingSequence(chain.Tx(Other, new CommentOnPracticeStatement(Hash256.Compute("nothing"u8), "Hello?")), TxCode.NotFound);
        chain.RefuseWithoutStateChange(chain.Tx(TestKeys.Get("stranger"), new PublishPracticeStatement(Directory)), TxCode.UnknownSender);
    }
}
