using System.Security.Cryptography;

namespace Roundtable.Core.Crypto;

/// <summary>
/// Verifies signatures: with the system's libcrypto directly where it is available
/// (<see cref="OpenSslP256"/>: a key seen for the first time costs no more than one already
/// seen), else through .NET's ECDsa with a cache of imported keys. Both accept exactly the same
/// signatures. Thread-safe.
/// </summary>
public static class SignatureVerifier
{
    // Null on every thread of the node: the check below is then the whole cost of the memo.
    [ThreadStatic]
    private static SignatureMemo? t_memo;

    /// <summary>
    /// Until the returned scope is disposed, checks on this thread are answered from
    /// <paramref name="memo"/> when it saw the same bytes before (see <see cref="SignatureMemo"/>).
    /// </summary>
    public static IDisposable Remembering(SignatureMemo memo)
    {
        var previous = t_memo;
        t_memo = memo;
        return new MemoScope(previous);
    }

    /// <summary>
    /// True when <paramref name="signature"/> is a valid low-S signature by <paramref name="key"/>
    /// over <paramref name="message"/>: for an ECDSA key, over SHA-256(message); for a passkey, a
    /// WebAuthn assertion whose challenge is SHA-256(message) (<see cref="WebAuthnAssertion"/>).
    /// A key accepts only signatures of its own algorithm. An invalid point or a mismatched
    /// algorithm is false, not an exception.
    /// </summary>
    public static bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature) =>
        t_memo is { } memo ? memo.Verify(key, message, signature) : Check(key, message, signature);

    /// <summary>True when the key is a point on the curve (a key nobody could ever sign for is refused at registration).</summary>
    public static bool IsValidKey(PublicKey key) =>
        OpenSslP256.IsAvailable ? OpenSslP256.IsOnCurve(key.Point) : DotNetEcdsa.IsValidKey(key);

    /// <summary>The check itself, never memoized.</summary>
    internal static bool Check(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
    {
        if (signature.Algorithm != key.Algorithm)
        {
            return false;
        }

        switch (key.Algorithm)
        {
            case SignatureAlgorithm.EcdsaP256Sha256:
                return VerifyP256(key, message, signature.RS);
            case SignatureAlgorithm.WebAuthnP256:
                return WebAuthnAssertion.IsAssertionOver(message, signature.AuthenticatorData, signature.ClientDataJson)
                    && VerifyP256(key, WebAuthnAssertion.SignedBytes(signature.AuthenticatorData, signature.ClientDataJson), signature.RS);
            default:
                return false;
        }
    }

    private static bool VerifyP256(PublicKey key, ReadOnlySpan<byte> signedBytes, ReadOnlySpan<byte> rs)
    {
        if (!OpenSslP256.IsAvailable)
        {
            return DotNetEcdsa.Verify(key, signedBytes, rs);
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(signedBytes, digest);
        return OpenSslP256.Verify(key.Point, digest, rs);
    }

    private sealed class MemoScope(SignatureMemo? previous) : IDisposable
    {
        public void Dispose() => t_memo = previous;
    }
}
