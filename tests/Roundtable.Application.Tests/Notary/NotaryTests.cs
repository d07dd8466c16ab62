using Roundtable.Application.Execution;
using Roundtable.Application.Tests.Governance.Proposals;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;

using static Roundtable.Application.Tests.Notary.Anchors;

namespace Roundtable.Application.Tests.Notary;

public sealed class NotaryTests
{
    private static readonly PrivateKey Author = TestChain.Founder("civil-society", 0);
    private static readonly PrivateKey Technical = TestChain.Founder("technical", 1);
    private static readonly PrivateKey Government = TestChain.Founder("government", 0);

    [Fact]
    public void A_member_anchors_a_document_with_its_metadata_group_and_region()
    {
        var chain = new TestChain();
        var message = new AnchorDocument(
            Digest("report v1"), new AnchorMetadata("IGF workshop report", "application/pdf", 48_213, "https://example.org/report.pdf", ["igf", "report"]), []);

        chain.RunOk(chain.Tx(Author, message));

        var record = Record(chain, "report v1");
        Assert.Equal(message.Metadata, record.Metadata);
        Assert.Equal(Author.PublicKey.Id, record.Author.Member);
        Assert.Equal(("civil-society", "africa", true), (record.Author.StakeholderGroup, record.Author.Region, record.Author.Verified));
        Assert.Equal((chain.App.Height, chain.App.LastBlockTimeMs), (record.AnchoredHeight, record.AnchoredTimeMs));
        Assert.Equal(AnchorStatus.Active, record.Status);
        var signed = Assert.Single(chain.App.ListMemberAnchors(Author.PublicKey.Id, 10));
        Assert.Equal((AnchorRole.Author, message.Digest), (signed.Role, signed.Anchor.Digest));
    }

    [Fact]
    public void A_digest_is_anchored_once_and_a_second_anchor_names_the_first_author()
    {
        var chain = new TestChain();
        Anchored(chain, Author, "report v1");

        var result = chain.RefuseConsumingSequence(chain.Tx(Technical, Anchor("report v1")), TxCode.AlreadyExists);

        Assert.Contains(Author.PublicKey.Id.ToShortString(), result.Reason, StringComparison.Ordinal);
        Assert.Contains("co-sign it instead", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lineage_parent_must_be_anchored()
    {
        var chain = new TestChain();

        var result = chain.RefuseConsumingSequence(
            chain.Tx(Author, Anchor("report v2", new LineageLink(LineageRelation.NewVersionOf, Digest("report v1")))), TxCode.NotFound);

        Assert.Contains("anchor it first", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_key_cannot_anchor()
    {
        var chain = new TestChain();

        chain.RefuseWithoutStateChange(chain.Tx(TestKeys.Get("stranger"), Anchor("report v1")), TxCode.UnknownSender);
    }

    [Fact]
    public void Lineage_is_walked_to_ancestors_through_links_and_to_descendants_through_the_child_index()
    {
        var chain = new TestChain();
        Anchored(chain, Author, "dataset v1");
        Anchored(chain, Author, "dataset v2", new LineageLink(LineageRelation.NewVersionOf, Digest("dataset v1")));
        Anchored(chain, Technical, "summary", new LineageLink(LineageRelation.DerivedFrom, Digest("dataset v2")), new LineageLink(LineageRelation.DerivedFrom, Digest("dataset v1")));
        Anchored(chain, Government, "chart", new LineageLink(LineageRelation.DerivedFrom, Digest("summary")));

        var fromChart = chain.App.GetAnchorLineage(Digest("chart"))!;
        var fromFirst = chain.App.GetAnchorLineage(Digest("dataset v1"))!;

        Assert.Equal(
            new[] { ("summary", 1), ("dataset v1", 2), ("dataset v2", 2) }.OrderBy(e => e.Item2).ThenBy(e => Digest(e.Item1)).Select(e => (Digest(e.Item1), e.Item2)),
            fromChart.Ancestors.Select(e => (e.Anchor.Digest, e.Depth)));
        Assert.Empty(fromChart.Descendants);
        Assert.Equal(
            new[] { ("dataset v2", 1, LineageRelation.NewVersionOf), ("summary", 1, LineageRelation.DerivedFrom), ("chart", 2, LineageRelation.DerivedFrom) }
                .OrderBy(e => e.Item2).ThenBy(e => Digest(e.Item1)).Select(e => (Digest(e.Item1), e.Item2, e.Item3)),
            fromFirst.Descendants.Select(e => (e.Anchor.Digest, e.Depth, e.Relation)));
        Assert.False(fromFirst.Truncated);
        Assert.Null(chain.App.GetAnchorLineage(Digest("never anchored")));
    }

    [Fact]
    public void A_cosignature_records_the_signers_group_region_and_verification_at_that_time()
    {
        var chain = new TestChain();
        Anchored(chain, Author, "report v1");
        var newcomer = chain.Register("newcomer", "private-sector", "latin-america");

        chain.RunOk(chain.Tx(newcomer, new CosignAnchor(Digest("report v1"))));
        chain.RunOk(chain.Tx(Government, new CosignAnchor(Digest("report v1"))));
        chain.RunOk(chain.Tx(TestChain.Founder("private-sector", 0), new AttestAffiliation(newcomer.PublicKey.Id)));
        chain.RunOk(chain.Tx(TestChain.Founder("private-sector", 1), new AttestAffiliation(newcomer.PublicKey.Id)));

        Assert.True(chain.Member(newcomer).IsVerified);
        var endorsements = Record(chain, "report v1").Endorsements;
        Assert.Equal(new[] { newcomer.PublicKey.Id, Government.PublicKey.Id }.Order(), endorsements.Select(e => e.Member));
        var newcomerSigned = endorsements.Single(e => e.Member == newcomer.PublicKey.Id);
        Assert.Equal(("private-sector", "latin-america", false), (newcomerSigned.StakeholderGroup, newcomerSigned.Region, newcomerSigned.Verified));
        Assert.True(endorsements.Single(e => e.Member == Government.PublicKey.Id).Verified);
        Assert.Equal(AnchorRole.Cosigner, Assert.Single(chain.App.ListMemberAnchors(newcomer.PublicKey.Id, 10)).Role);
    }

    [Fact]
    public void An_author_cannot_cosign_their_own_anchor_and_a_member_cosigns_once()
    {
        var chain = new TestChain();
        Anchored(chain, Author, "report v1");
        chain.RunOk(chain.Tx(Technical, new CosignAnchor(Digest("report v1"))));

        chain.RefuseConsumingSequence(chain.Tx(Author, new CosignAnchor(Digest("report v1"))), TxCode.Unauthorized);
        chain.RefuseConsumingSequence(chain.Tx(Technical, new CosignAnchor(Digest("report v1"))), TxCode.AlreadyExists);
        chain.RefuseConsumingSequence(chain.Tx(Technical, new CosignAnchor(Digest("never anchored"))), TxCode.NotFound);
    }

    [Fact]
    public void Only_the_author_may_revoke_an_anchor()
    {
        var chain = new TestChain();
        Anchored(chain, Author, "report v1");

        var result = chain.RefuseConsumingSequence(chain.Tx(Technical, new RevokeAnchor(Digest("report v1"), "I disagree.")), TxCode.Unauthorized);

        Assert.Contains("author", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revoked_anchor_stays_on_chain_and_can_no_longer_be_cosigned_revoked_or_superseded()
    {
        var chain = new TestChain();
        Anchored(chain, Author, "report v1");
        Anchored(chain, Author, "report v2");
        chain.RunOk(chain.Tx(Author, new RevokeAnchor(Digest("report v1"), "Published the draft by mistake.")));
        var revokedAt = chain.App.Height;

        var record = Record(chain, "report v1");
        Assert.Equal((AnchorStatus.Revoked, "Published the draft by mistake.", revokedAt, (Hash256?)null), (record.Status, record.StatusReason, record.StatusHeight, record.Replacement));
        var refused = chain.RefuseConsumingSequence(chain.Tx(Technical, new CosignAnchor(Digest("report v1"))), TxCode.InvalidArgument);
        Assert.Contains("revoked", refused.Reason, StringComparison.Ordinal);
        chain.RefuseConsumingSequence(chain.Tx(Author, new RevokeAnchor(Digest("report v1"), "Again.")), TxCode.InvalidArgument);
        chain.RefuseConsumingSequence(chain.Tx(Author, new SupersedeAnchor(Digest("report v1"), Digest("report v2"), "Newer.")), TxCode.InvalidArgument);
        chain.RefuseConsumingSequence(chain.Tx(Author, new SupersedeAnchor(Digest("report v2"), Digest("report v1"), "Back to the draft.")), TxCode.InvalidArgument);
    }

    [Fact]
    public void The_author_supersedes_an_anchor_by_an_existing_active_one()
    {
        var chain = new TestChain();
        Anchored(chain, Author, "report v1");
        Anchored(chain, Technical, "report v2", new LineageLink(LineageRelation.NewVersionOf, Digest("report v1")));

        chain.RefuseConsumingSequence(chain.Tx(Author, new SupersedeAnchor(Digest("report v1"), Digest("report v3"), "Corrected.")), TxCode.NotFound);
        chain.RefuseConsumingSequence(chain.Tx(Technical, new SupersedeAnchor(Digest("report v1"), Digest("report v2"), "Mine is better.")), TxCode.Unauthorized);
        chain.RunOk(chain.Tx(Author, new SupersedeAnchor(Digest("report v1"), Digest("report v2"), "Corrected figures in table 3.")));

        var record = Record(chain, "report v1");
        Assert.Equal((AnchorStatus.Superseded, Digest("report v2"), chain.App.Height), (record.Status, record.Replacement, record.StatusHeight));
        Assert.Equal("Corrected figures in table 3.", record.StatusReason);
        chain.RefuseConsumingSequence(chain.Tx(Author, new SupersedeAnchor(Digest("report v1"), Digest("report v2"), "Twice.")), TxCode.InvalidArgument);
    }

    [Fact]
    public void A_paused_notary_refuses_its_messages_until_the_pause_ends()
    {
        var p = new ProposalChain();
        var pause = p.PauseModule("notary", "Spam anchors");

        var result = p.Chain.RefuseConsumingSequence(p.Chain.Tx(Technical, Anchor("report v1")), TxCode.ModulePaused);

        Assert.Contains("notary module is paused", result.Reason, StringComparison.Ordinal);
        p.Chain.ExecuteAt(pause.UntilMs);
        p.Chain.RunOk(p.Chain.Tx(Technical, Anchor("report v1")));
    }

    [Fact]
    public void A_notary_history_replays_to_the_same_state_root()
    {
        var chain = new TestChain();
        Anchored(chain, Author, "dataset v1");
        Anchored(chain, Technical, "dataset v2", new LineageLink(LineageRelation.NewVersionOf, Digest("dataset v1")));
        chain.RunOk(chain.Tx(Government, new CosignAnchor(Digest("dataset v2"))));
        chain.RunOk(chain.Tx(Author, new SupersedeAnchor(Digest("dataset v1"), Digest("dataset v2"), "A new version exists.")));

        Assert.Equal(chain.App.StateRoot, chain.Replay().StateRoot);
    }
}
