using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Roundtable.Core.Crypto;

/// <summary>
/// Verifies signatures. Importing a point into the platform's ECDSA object costs about two
/// verifications (measured: bench/run.sh verify), so imported keys are cached. The cache has two
/// generations: when the young one fills, it becomes the old one and the previous old one is
/// dropped; a hit in the old generation moves the key back to the young one. Keys in active use
/// therefore survive a turnover, instead of all being lost at once. Thread-safe.
/// </summary>
public static class SignatureVerifier
{
    private const int GenerationLimit = 8192;
    private static readonly Lock Turnover = new();
    private static ConcurrentDictionary<PublicKey, ImportedKey> young = new();
    private static ConcurrentDictionary<PublicKey, ImportedKey> old = new();

    /// <summary>
    /// True when <paramref name="signature"/> is a valid low-S signature by <paramref name="key"/>
    /// over <paramref name="message"/>: for an ECDSA key, over SHA-256(message); for a passkey, a
    /// WebAuthn assertion whose challenge is SHA-256(message) (<see cref="WebAuthnAssertion"/>).
    /// A key accepts only signatures of its own algorithm. An invalid point or a mismatched
    /// algorithm is false, not an exception.
    /// </summary>
    public static bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
    {
        if (signature.Algorithm != key.Algorithm)
        {
            return false;
        }

        switch (key.Algorithm)
        {
            case SignatureAlgorithm.EcdsaP256Sha256:
                var imported = GetOrImport(key);
                return imported is not null && imported.Verify(message, signature.RS);
            case SignatureAlgorithm.WebAuthnP256:
                if (!WebAuthnAssertion.IsAssertionOver(message, signature.AuthenticatorData, signature.ClientDataJson))
                {
                    return false;
                }

                var passkey = GetOrImport(key);
                return passkey is not null && passkey.Verify(WebAuthnAssertion.SignedBytes(signature.AuthenticatorData, signature.ClientDataJson), signature.RS);
            default:
                return false;
        }
    }

    /// <summary>True when the key is a point on the curve (a key nobody could ever sign for is refused at registration).</summary>
    public static bool IsValidKey(PublicKey key) => GetOrImport(key) is not null;

    private static ImportedKey? GetOrImport(PublicKey key)
    {
        var current = young;
        if (!current.TryGetValue(key, out var imported))
        {
            // A miss costs only a re-import, so races between generations are harmless.
            imported = old.TryGetValue(key, out var survivor) ? survivor : ImportedKey.Create(key);
            if (current.Count >= GenerationLimit)
            {
                lock (Turnover)
                {
                    if (ReferenceEquals(current, young))
                    {
                        old = current;
                        young = new ConcurrentDictionary<PublicKey, ImportedKey>();
                    }
                }
            }

            young.TryAdd(key, imported);
        }

        return imported.Ecdsa is null ? null : imported;
    }

    private sealed class ImportedKey
    {
        private readonly Lock _gate = new();

        private ImportedKey(ECDsa? ecdsa)
        {
            Ecdsa = ecdsa;
        }

        public ECDsa? Ecdsa { get; }

        public static ImportedKey Create(PublicKey key)
        {
            try
            {
                var point = key.Point;
                var ecdsa = ECDsa.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = point[..32].ToArray(), Y = point[32..].ToArray() },
                });
                return new ImportedKey(ecdsa);
            }
            catch (CryptographicException)
            {
                return new ImportedKey(null);
            }
        }

        public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> rs)
        {
            // The platform object is not documented as thread-safe; the lock is per key, so
            // different signers still verify in parallel.
            lock (_gate)
            {
                return Ecdsa!.VerifyData(message, rs, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }
        }
    }
}
