using System.Collections.Concurrent;
using System.Text;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Tests.Support;

/// <summary>
/// Deterministic P-256 keys by name: the scalar is SHA-256 of the name, so every run (and every
/// application fed the same blocks) sees the same member ids. Signatures stay randomised (ECDSA),
/// which is why tests reuse transaction objects when they compare two applications.
/// </summary>
internal static class TestKeys
{
    private static readonly ConcurrentDictionary<string, PrivateKey> Cache = new(StringComparer.Ordinal);

    public static PrivateKey Get(string name) =>
        Cache.GetOrAdd(name, static n => PrivateKey.FromScalar(Hash256.Compute(Encoding.UTF8.GetBytes("roundtable-application-tests/" + n)).ToArray()));

    /// <summary>A point that is not on P-256 (all 0x01 bytes): a key nobody can ever sign for.</summary>
    public static PublicKey OffCurve { get; } = PublicKey.FromP256Point(Enumerable.Repeat((byte)1, PublicKey.P256PointSize).ToArray());
}
