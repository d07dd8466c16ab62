using System.Text;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Ledger.Tests.Governance;

/// <summary>Governance message encodings: what round-trips, what is refused and why.</summary>
public sealed class GovernanceMessageTests
{
    private static readonly Hash256 Id = Hash256.Compute("proposal"u8);

    [Fact]
    public void An_inline_document_is_pinned_by_the_SHA_256_of_its_UTF_8_text()
    {
        var document = ProposalDocument.Inline("# Titre\n\nÉté");
        Assert.Equal(Hash256.Compute(Encoding.UTF8.GetBytes("# Titre\n\nÉté")), document.Hash);
        Assert.Equal(document.Hash, Canonical.FromBytes<ProposalDocument>(Canonical.ToBytes(document)).Hash);
    }

    [Fact]
    public void An_inline_document_of_exactly_64_KiB_fits_in_a_transaction_and_one_byte_more_is_refused()
    {
        var text = new string('a', ProposalDocument.MaxInlineBytes);
        var message = new SubmitProposal("Large", ProposalDocument.Inline(text), new Recommendation(), Hash256.Zero, false);
        var tx = Transaction.Create("chain", LedgerSamples.Key(1), 0, 10, message);
        Assert.Equal(message.Document.Hash, Assert.IsType<SubmitProposal>(Transaction.Decode(tx.Encoded).Message).Document.Hash);

        Assert.Throws<ArgumentException>(() => ProposalDocument.Inline(text + "a"));
        var writer = new CanonicalWriter();
        writer.WriteByte(1);
        writer.WriteString(text + "a");
        Assert.Equal(DecodeError.Oversize, Assert.Throws<DecodeException>(() => Canonical.FromBytes<ProposalDocument>(writer.ToArray())).Error);
    }

    [Fact]
    public void The_proposal_id_depends_on_author_and_sequence_only()
    {
        var author = Hash256.Compute("author"u8);
        Assert.Equal(ProposalId.For(author, 7), ProposalId.For(author, 7));
        Assert.NotEqual(ProposalId.For(author, 7), ProposalId.For(author, 8));
        Assert.NotEqual(ProposalId.For(author, 7), ProposalId.For(Hash256.Compute("other"u8), 7));
    }

    public static TheoryData<string, TxMessage> Refusals => new()
    {
        { "blank title", new SubmitProposal("  ", ProposalDocument.Inline("x"), new Recommendation(), Hash256.Zero, false) },
        { "one option", new SubmitProposal("t", ProposalDocument.Inline("x"), new BestPracticeSelection(["only"]), Hash256.Zero, false) },
        { "empty parameter change", new SubmitProposal("t", ProposalDocument.Inline("x"), new ParameterChange([], []), Hash256.Zero, false) },
        { "empty validator set", new SubmitProposal("t", ProposalDocument.Inline("x"), new ValidatorChange([]), Hash256.Zero, false) },
        { "emergency doing nothing", new SubmitProposal("t", ProposalDocument.Inline("x"), new EmergencyPause(string.Empty, 0, Hash256.Zero), Hash256.Zero, false) },
        { "pause without duration", new SubmitProposal("t", ProposalDocument.Inline("x"), new EmergencyPause("members", 0, Hash256.Zero), Hash256.Zero, false) },
        { "blank comment", new CommentOnProposal(Id, "\n") },
        { "addressed without rationale", new RuleOnObjection(Id, Id, Id, true, " ") },
        { "call without rationale", new CallConsensus(Id, true, string.Empty) },
        { "appeal without reason", new AppealCall(Id, string.Empty) },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Messages_breaking_a_rule_of_their_format_are_InvalidValue(string why, TxMessage message)
    {
        var writer = new CanonicalWriter();
        MessageCodec.Encode(writer, message);
        var bytes = writer.ToArray();

        var error = Assert.Throws<DecodeException>(() =>
        {
            var reader = new CanonicalReader(bytes);
            MessageCodec.Decode(ref reader);
        }).Error;
        Assert.True(error == DecodeError.InvalidValue, why);
    }

    [Fact]
    public void An_unknown_proposal_kind_and_document_form_are_refused()
    {
        var writer = new CanonicalWriter();
        writer.WriteVarUInt((ulong)MessageType.SubmitProposal);
        writer.WriteString("t");
        ProposalDocument.Inline("x").Encode(writer);
        writer.WriteByte(200);
        Assert.Equal(DecodeError.InvalidValue, Decode(writer.ToArray()));

        Assert.Equal(DecodeError.InvalidValue, Assert.Throws<DecodeException>(() => Canonical.FromBytes<ProposalDocument>([3])).Error);
    }

    [Fact]
    public void A_reveal_salt_is_exactly_32_bytes()
    {
        var reveal = new RevealVote(Id, [1], new byte[RevealVote.SaltSize]);
        var writer = new CanonicalWriter();
        MessageCodec.Encode(writer, reveal);
        var bytes = writer.ToArray();
        Assert.Equal(DecodeError.Truncated, Decode(bytes[..^1]));
        Assert.Throws<InvalidOperationException>(() => MessageCodec.Encode(new CanonicalWriter(), reveal with { Salt = new byte[31] }));
    }

    private static DecodeError Decode(byte[] bytes) => Assert.Throws<DecodeException>(() =>
    {
        var reader = new CanonicalReader(bytes);
        MessageCodec.Decode(ref reader);
        reader.EnsureEnd();
    }).Error;
}
