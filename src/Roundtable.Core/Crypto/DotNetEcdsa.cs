using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Roundtable.Core.Crypto;

/// <summary>
/// ECDSA P-256 verification through .NET's <c>ECDsa</c>, for platforms where
/// <see cref="OpenSslP256"/> cannot reach libcrypto 3. Importing a point into an <c>ECDsa</c>
/// object costs about as much as a verification, so imported keys are cached. The cache has two
/// generations: when the young one fills, it becomes the old one and the previous old one is
/// dropped; a hit in the old generation moves the key back to the young one. Keys in active use
/// therefore survive a turnover, instead of all being lost at once. Thread-safe.
/// </summary>
internal static class DotNetEcdsa
{
    private const int GenerationLimit = 8192;
    private static readonly Lock Turnover = new();
    private static ConcurrentDictionary<PublicKey, ImportedKey> young = new();
    private static ConcurrentDictionary<PublicKey, ImportedKey> old = new();

    /// <summary>True when r‖s is a valid signature by <paramref name="key"/> over SHA-256(<paramref name="signedBytes"/>).</summary>
    public static bool Verify(PublicKey key, ReadOnlySpan<byte> signedBytes, ReadOnlySpan<byte> rs) =>
        GetOrImport(key) is { } imported && imported.Verify(signedBytes, rs);

    /// <summary>True when the platform accepts the point as a P-256 public key.</summary>
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
