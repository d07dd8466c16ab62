using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;
using Roundtable.Tests.Support;

namespace Roundtable.Ledger.Tests;

/// <summary>A transaction signed by a passkey (tag 2): its challenge is the signing payload's hash.</summary>
public sealed class PasskeyTransactionTests
{
    private const string Chain = "test-chain";
    private static readonly TxMessage Attest = new AttestAffiliation(Hash256.Compute("member"u8));

    private static Transaction SignedBy(SoftwarePasskey passkey, TxMessage message, ulong sequence = 3)
    {
        var payload = Transaction.SigningPayload(Chain, passkey.PublicKey, sequence, 50, message);
        return Transaction.FromParts(Chain, passkey.PublicKey, sequence, 50, message, passkey.Sign(payload));
    }

    [Fact]
    public void A_passkey_signed_transaction_verifies_and_round_trips_exactly()
    {
        using var passkey = new SoftwarePasskey();
        var tx = SignedBy(passkey, Attest);
        var decoded = Transaction.Decode(tx.Encoded);

        Assert.True(tx.VerifySignature());
        Assert.True(decoded.VerifySignature());
        Assert.Equal(tx.Encoded.ToArray(), decoded.Encoded.ToArray());
        Assert.Equal(SignatureAlgorithm.WebAuthnP256, decoded.Signature.Algorithm);
        Assert.Equal(passkey.PublicKey, decoded.Sender);
    }

    [Fact]
    public void The_assertion_of_one_transaction_does_not_verify_another()
    {
        using var passkey = new SoftwarePasskey();
        var tx = SignedBy(passkey, Attest);

        Assert.False(Transaction.FromParts(Chain, tx.Sender, tx.Sequence + 1, tx.ExpiryHeight, tx.Message, tx.Signature).VerifySignature());
        Assert.False(Transaction.FromParts(Chain, passkey.EcdsaKey, tx.Sequence, tx.ExpiryHeight, tx.Message, tx.Signature).VerifySignature());
    }

    [Fact]
    public void Flipping_bits_of_a_passkey_transaction_never_yields_a_valid_transaction()
    {
        using var passkey = new SoftwarePasskey();
        var bytes = SignedBy(passkey, Attest).Encoded.ToArray();

        for (var bit = 0; bit < bytes.Length * 8; bit += 5)
        {
            var flipped = Edit.Set(bytes, bit / 8, (byte)(bytes[bit / 8] ^ (1 << (bit % 8))));
            try
            {
                Assert.False(Transaction.Decode(flipped).VerifySignature(), $"bit {bit}");
            }
            catch (DecodeException)
            {
                // Refused before verification: equally safe.
            }
        }
    }

    [Fact]
    public void A_member_can_rotate_onto_a_passkey_with_a_passkey_possession_proof()
    {
        using var passkey = new SoftwarePasskey();
        var possession = passkey.Sign(RotateKey.PossessionPayload(Chain, Hash256.Compute("member"u8)));
        var tx = Transaction.Create(Chain, LedgerSamples.Key(1), 4, 50, new RotateKey(passkey.PublicKey, possession));
        var decoded = (RotateKey)Transaction.Decode(tx.Encoded).Message;

        Assert.Equal(passkey.PublicKey, decoded.NewKey);
        Assert.True(SignatureVerifier.Verify(decoded.NewKey, RotateKey.PossessionPayload(Chain, Hash256.Compute("member"u8)), decoded.Possession));
    }

    [Fact]
    public void Validators_votes_and_commit_signatures_refuse_passkeys()
    {
        using var passkey = new SoftwarePasskey();

        var construct = Assert.Throws<ArgumentException>(() => new Validator(passkey.PublicKey, "phone", "civil-society", 1));
        Assert.Contains("passkey", construct.Message, StringComparison.Ordinal);

        var validator = new CanonicalWriter();
        new Validator(passkey.EcdsaKey, "phone", "civil-society", 1).Encode(validator);
        var bytes = validator.ToArray();
        bytes[0] = (byte)SignatureAlgorithm.WebAuthnP256;
        var refused = Assert.Throws<DecodeException>(() =>
        {
            var reader = new CanonicalReader(bytes);
            Validator.Decode(ref reader);
        });
        Assert.Equal(DecodeError.UnknownType, refused.Error);
        Assert.Contains("passkey", refused.Message, StringComparison.Ordinal);

        var commitSignature = new CanonicalWriter();
        passkey.PublicKey.Encode(commitSignature);
        commitSignature.WriteVarUInt(1);
        passkey.Sign("vote"u8).Encode(commitSignature);
        var commitBytes = commitSignature.ToArray();
        Assert.Equal(DecodeError.UnknownType, Assert.Throws<DecodeException>(() =>
        {
            var reader = new CanonicalReader(commitBytes);
            CommitSignature.Decode(ref reader);
        }).Error);
    }
}
