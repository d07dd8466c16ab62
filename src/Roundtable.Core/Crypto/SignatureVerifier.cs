using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Roundtable.Core.Crypto;

/// <summary>
/// Verifies signatures. Importing a point into the platform's ECDSA object costs about as much
/// as a verification, so imported keys are cached (bounded); members sign many transactions.
/// Thread-safe.
/// </summary>
public static class SignatureVerifier
{
    private const int CacheLimit = 4096;
    private static readonly ConcurrentDictionary<PublicKey, ImportedKey> Cache = new();

    /// <summary>
    /// True when <paramref name="signature"/> is a valid low-S signature by <paramref name="key"/>
    /// over SHA-256(<paramref name="message"/>). An invalid point or a mismatched algorithm is false, not an exception.
    /// </summary>
    public static bool Verify(PublicKey key, ReadOnlySpan<byte> message, Signature signature)
    {
        if (key.Algorithm != SignatureAlgorithm.EcdsaP256Sha256 || signature.Algorithm != key.Algorithm)
        {
            return false;
        }

        var imported = GetOrImport(key);
        return imported is not null && imported.Verify(message, signature.RS);
    }

    /// <summary>True when the key is a point on the curve (a key nobody could ever sign for is refused at registration).</summary>
    public static bool IsValidKey(PublicKey key) => GetOrImport(key) is not null;

    private static ImportedKey? GetOrImport(PublicKey key)
    {
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached.Ecdsa is null ? null : cached;
        }

        var imported = ImportedKey.Create(key);
        if (Cache.Count >= CacheLimit)
        {
            // Eviction order does not matter for correctness: a miss only costs a re-import.
            Cache.Clear();
        }

        Cache.TryAdd(key, imported);
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
