using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Notary;

namespace Roundtable.Ledger.Tests.Notary;

/// <summary>The anchor-withdrawal proposal action and the record of an anchor withdrawn by a proposal, beside records written before either existed.</summary>
public sealed class AnchorWithdrawalEncodingTests
{
    private static readonly Hash256 Digest = Hash256.Compute("report.pdf"u8);
    private static readonly Hash256 Replacement = Hash256.Compute("report-v2.pdf"u8);
    private static readonly Hash256 Proposal = Hash256.Compute("proposal"u8);

    private static readonly AnchorRecord Active = AnchorRecord.Anchored(
        Digest,
        new AnchorSigner(Hash256.Compute("ada"u8), "technical", "europe", true, 7, 1_750_000_007_000),
        new AnchorMetadata("IGF 2025 workshop report", "application/pdf", 48_213, null, ["igf"]),
        []);

    public static TheoryData<AnchorWithdrawal> Actions =>
    [
        new AnchorWithdrawal(Digest, null, "The author published someone else's personal data and left."),
        new AnchorWithdrawal(Digest, Replacement, new string('r', AnchorRecord.MaxReasonBytes)),
    ];

    [Theory]
    [MemberData(nameof(Actions))]
    public void An_anchor_withdrawal_action_is_kind_7_and_round_trips(AnchorWithdrawal action)
    {
        var bytes = Encode(action);

        Assert.Equal(7, bytes[0]);
        Assert.Equal(action, Decode(bytes));
        Assert.Equal(bytes, Encode(Decode(bytes)));
    }

    public static TheoryData<string, AnchorWithdrawal, DecodeError> RefusedActions => new()
    {
        { "superseded by itself", new AnchorWithdrawal(Digest, Digest, "same"), DecodeError.InvalidValue },
        { "empty reason", new AnchorWithdrawal(Digest, null, string.Empty), DecodeError.InvalidValue },
        { "reason of 501 bytes", new AnchorWithdrawal(Digest, Replacement, new string('r', AnchorRecord.MaxReasonBytes + 1)), DecodeError.Oversize },
    };

    [Theory]
    [MemberData(nameof(RefusedActions))]
    public void A_malformed_anchor_withdrawal_action_is_refused(string what, AnchorWithdrawal action, DecodeError error)
    {
        Assert.True(error == Assert.Throws<DecodeException>(() => Decode(Encode(action))).Error, what);
    }

    [Fact]
    public void A_replacement_marker_other_than_0_or_1_is_refused()
    {
        var bytes = Encode(new AnchorWithdrawal(Digest, null, "r"));
        bytes[1 + Hash256.Size] = 2;

        Assert.Throws<DecodeException>(() => Decode(bytes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_record_written_before_withdrawal_by_proposal_still_decodes_as_withdrawn_by_its_author(bool superseded)
    {
        var bytes = LayoutBeforeWithdrawalByProposal(superseded);

        var record = Canonical.FromBytes<AnchorRecord>(bytes);

        Assert.Equal(superseded ? AnchorStatus.Superseded : AnchorStatus.Revoked, record.Status);
        Assert.Equal("Corrected figures.", record.StatusReason);
        Assert.Equal(superseded ? Replacement : null, record.Replacement);
        Assert.Null(record.WithdrawingProposal);
        Assert.Equal(bytes, Canonical.ToBytes(record));
    }

    [Theory]
    [InlineData(false, 4)]
    [InlineData(true, 5)]
    public void A_record_withdrawn_by_a_proposal_has_status_byte_4_or_5_and_ends_with_the_proposal_id(bool superseded, byte statusByte)
    {
        var record = Active.Withdrawn("Decided by the members.", 30, superseded ? Replacement : null, Proposal);
        var bytes = Canonical.ToBytes(record);

        Assert.Equal(statusByte, bytes[Canonical.ToBytes(Active).Length - 1]);
        Assert.Equal(Proposal.ToArray(), bytes[^Hash256.Size..]);
        var decoded = Canonical.FromBytes<AnchorRecord>(bytes);
        Assert.Equal(Proposal, decoded.WithdrawingProposal);
        Assert.Equal(record.Status, decoded.Status);
        Assert.Equal(bytes, Canonical.ToBytes(decoded));
    }

    [Fact]
    public void A_record_withdrawn_by_a_proposal_without_the_proposal_id_is_refused()
    {
        var bytes = Canonical.ToBytes(Active.Withdrawn("Decided by the members.", 30, null, Proposal));

        Assert.Equal(DecodeError.Truncated, Assert.Throws<DecodeException>(() => Canonical.FromBytes<AnchorRecord>(bytes[..^Hash256.Size])).Error);
    }

    [Fact]
    public void An_active_record_cannot_name_a_withdrawing_proposal()
    {
        Assert.Throws<InvalidOperationException>(() => Canonical.ToBytes(Active with { WithdrawingProposal = Proposal }));
    }

    /// <summary>The record layout as it was before withdrawal by proposal: the status byte 2 or 3, then reason, height and (superseded) replacement, nothing more.</summary>
    private static byte[] LayoutBeforeWithdrawalByProposal(bool superseded)
    {
        var writer = new CanonicalWriter();
        writer.WriteHash(Active.Digest);
        Active.Author.Encode(writer);
        Active.Metadata.Encode(writer);
        LineageLink.WriteList(writer, Active.Links);
        writer.WriteVarUInt(0);
        writer.WriteByte(superseded ? (byte)3 : (byte)2);
        writer.WriteString("Corrected figures.");
        writer.WriteVarUInt(14);
        if (superseded)
        {
            writer.WriteHash(Replacement);
        }

        return writer.ToArray();
    }

    private static byte[] Encode(ProposalAction action)
    {
        var writer = new CanonicalWriter();
        action.Encode(writer);
        return writer.ToArray();
    }

    private static ProposalAction Decode(byte[] bytes)
    {
        var reader = new CanonicalReader(bytes);
        var action = ProposalAction.Decode(ref reader);
        reader.EnsureEnd();
        return action;
    }
}
