using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.PersonalData;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Ledger.Tests;

public sealed class TransactionSignatureTests
{
    private const string Chain = "test-chain";

    public static TheoryData<MessageType> MessageTypes => [.. Enum.GetValues<MessageType>()];

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void A_created_transaction_verifies(MessageType type)
    {
        var tx = new LedgerSamples(40 + (int)type).Transaction(type, Chain);

        Assert.True(tx.VerifySignature());
        Assert.True(Transaction.Decode(tx.Encoded).VerifySignature());
    }

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void Changing_any_field_under_the_old_signature_fails_verification(MessageType type)
    {
        var samples = new LedgerSamples(50 + (int)type);
        var tx = samples.Transaction(type, Chain);
        var otherKey = LedgerSamples.Key(LedgerSamples.KeyCount - 1).PublicKey.Equals(tx.Sender) ? LedgerSamples.Key(0) : LedgerSamples.Key(LedgerSamples.KeyCount - 1);
        var otherMessage = Altered(tx.Message);

        var variants = new (string What, Transaction Tx)[]
        {
            ("chain id", Transaction.FromParts(Chain + "-2", tx.Sender, tx.Sequence, tx.ExpiryHeight, tx.Message, tx.Signature)),
            ("sender", Transaction.FromParts(Chain, otherKey.PublicKey, tx.Sequence, tx.ExpiryHeight, tx.Message, tx.Signature)),
            ("sequence", Transaction.FromParts(Chain, tx.Sender, tx.Sequence ^ 1, tx.ExpiryHeight, tx.Message, tx.Signature)),
            ("expiry height", Transaction.FromParts(Chain, tx.Sender, tx.Sequence, tx.ExpiryHeight ^ 1, tx.Message, tx.Signature)),
            ("message", Transaction.FromParts(Chain, tx.Sender, tx.Sequence, tx.ExpiryHeight, otherMessage, tx.Signature)),
            ("signature", Transaction.FromParts(Chain, tx.Sender, tx.Sequence, tx.ExpiryHeight, tx.Message, samples.RandomSignature())),
        };

        Assert.True(Transaction.FromParts(Chain, tx.Sender, tx.Sequence, tx.ExpiryHeight, tx.Message, tx.Signature).VerifySignature());
        foreach (var (what, variant) in variants)
        {
            Assert.False(variant.VerifySignature(), what);
            Assert.False(Transaction.Decode(variant.Encoded).VerifySignature(), what);
        }
    }

    [Fact]
    public void Flipping_any_bit_of_a_signed_transaction_never_yields_a_valid_transaction()
    {
        var tx = Transaction.Create(Chain, LedgerSamples.Key(3), 7, 9, new AttestAffiliation(Hash256.Compute("member"u8)));
        var bytes = tx.Encoded.ToArray();

        for (var bit = 0; bit < bytes.Length * 8; bit += 3)
        {
            var flipped = Edit.Set(bytes, bit / 8, (byte)(bytes[bit / 8] ^ (1 << (bit % 8))));
            try
            {
                Assert.False(Transaction.Decode(flipped).VerifySignature(), $"bit {bit}");
            }
            catch (Core.Encoding.DecodeException)
            {
                // Refused before verification: equally safe.
            }
        }
    }

    [Fact]
    public void The_signing_payload_is_the_tx_domain_followed_by_the_encoding_without_the_signature()
    {
        var tx = new LedgerSamples(3).Transaction(MessageType.RegisterMember, Chain);

        var payload = Transaction.SigningPayload(tx.ChainId, tx.Sender, tx.Sequence, tx.ExpiryHeight, tx.Message);

        Assert.Equal([.. "roundtable.tx.v1"u8, .. tx.Encoded[..^Signature.EncodedSize]], payload);
        Assert.True(SignatureVerifier.Verify(tx.Sender, payload, tx.Signature));
    }

    [Fact]
    public void Transaction_and_vote_payloads_live_in_different_domains()
    {
        var key = LedgerSamples.Key(4);
        var blockId = Hash256.Compute("block"u8);
        var txPayload = Transaction.SigningPayload(Chain, key.PublicKey, 1, 2, new RevokeKey());
        var votePayload = CanonicalVote.SigningPayload(Chain, VoteType.Precommit, 1, 2, blockId, 3);

        Assert.StartsWith("roundtable.tx.v1", System.Text.Encoding.ASCII.GetString(txPayload), StringComparison.Ordinal);
        Assert.StartsWith("roundtable.vote.v1", System.Text.Encoding.ASCII.GetString(votePayload), StringComparison.Ordinal);

        // Both domains share the prefix "roundtable." and differ right after it, at a fixed position,
        // so no payload of one kind is a payload of the other whatever the fields.
        Assert.NotEqual(txPayload["roundtable.".Length], votePayload["roundtable.".Length]);

        var txSignature = key.Sign(txPayload);
        var voteSignature = key.Sign(votePayload);
        Assert.False(SignatureVerifier.Verify(key.PublicKey, votePayload, txSignature));
        Assert.False(SignatureVerifier.Verify(key.PublicKey, txPayload, voteSignature));
    }

    private static TxMessage Altered(TxMessage message) => message switch
    {
        RegisterMember m => m with { DisplayName = m.DisplayName == "x" ? "y" : "x" },
        AttestAffiliation m => new AttestAffiliation(Hash256.Compute(m.Member.ToArray())),
        RotateKey m => m with { NewKey = LedgerSamples.Key(m.NewKey.Equals(LedgerSamples.Key(0).PublicKey) ? 1 : 0).PublicKey },
        SetGuardians m => m with { Threshold = m.Threshold + 1 },
        ApproveRecovery m => new ApproveRecovery(Hash256.Compute(m.Member.ToArray()), m.NewKey),

        SubmitProposal m => m with { Secret = !m.Secret },
        CommentOnProposal m => m with { Proposal = Other(m.Proposal) },
        ProposeAmendment m => m with { Proposal = Other(m.Proposal) },
        ResolveAmendment m => m with { Accept = !m.Accept },
        SponsorProposal m => new SponsorProposal(Other(m.Proposal)),
        WithdrawProposal m => new WithdrawProposal(Other(m.Proposal)),
        CastVote m => m with { Document = Other(m.Document) },
        CommitVote m => m with { Commitment = Other(m.Commitment) },
        RevealVote m => m with { Proposal = Other(m.Proposal) },
        RuleOnObjection m => m with { Objector = Other(m.Objector) },
        CallConsensus m => m with { Consensus = !m.Consensus },
        AppealCall m => m with { Proposal = Other(m.Proposal) },

        // Bodiless messages differ only in their type tag.
        CancelRecovery => new RevokeKey(),
        RevokeKey => new CancelRecovery(),
        WithdrawPersonalField m => new WithdrawPersonalField(Other(m.Commitment)),
        _ => LedgerSamples.AlteredSessionOrWorkingGroupMessage(message) ?? LedgerSamples.AlteredNotaryMessage(message) ?? LedgerSamples.AlteredNameMessage(message) ?? LedgerSamples.AlteredIdentityMessage(message) ?? LedgerSamples.AlteredDisputeMessage(message) ?? LedgerSamples.AlteredPracticeMessage(message) ?? throw new ArgumentOutOfRangeException(nameof(message)),
    };

    private static Hash256 Other(Hash256 hash) => Hash256.Compute(hash.ToArray());
}
