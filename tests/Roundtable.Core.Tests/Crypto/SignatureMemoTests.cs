using Roundtable.Core.Crypto;

namespace Roundtable.Core.Tests.Crypto;

/// <summary>
/// The simulator's memo of signature checks: a repeated check is answered without verifying
/// again, any other byte is a new check, and no outcome ever differs from the verifier's own.
/// </summary>
public sealed class SignatureMemoTests
{
    [Fact]
    public void A_repeated_check_is_remembered_and_a_changed_byte_is_checked_afresh_with_the_same_outcome_as_without_the_memo()
    {
        using var key = PrivateKey.Generate();
        using var other = PrivateKey.Generate();
        byte[] message = [1, 2, 3];
        var signature = key.Sign(message);
        var memo = new SignatureMemo();
        using (SignatureVerifier.Remembering(memo))
        {
            Assert.True(SignatureVerifier.Verify(key.PublicKey, message, signature));
            Assert.True(SignatureVerifier.Verify(key.PublicKey, message, signature));
            Assert.False(SignatureVerifier.Verify(key.PublicKey, [1, 2, 4], signature));
            Assert.False(SignatureVerifier.Verify(other.PublicKey, message, signature));
            Assert.False(SignatureVerifier.Verify(other.PublicKey, message, signature));
        }

        Assert.Equal(3, memo.Verified);
        Assert.Equal(2, memo.Remembered);
    }

    [Fact]
    public void Outside_its_scope_the_memo_is_not_consulted()
    {
        using var key = PrivateKey.Generate();
        byte[] message = [9];
        var signature = key.Sign(message);
        var memo = new SignatureMemo();
        using (SignatureVerifier.Remembering(memo))
        {
            Assert.True(SignatureVerifier.Verify(key.PublicKey, message, signature));
        }

        Assert.True(SignatureVerifier.Verify(key.PublicKey, message, signature));
        Assert.Equal(1, memo.Verified + memo.Remembered);
    }
}
