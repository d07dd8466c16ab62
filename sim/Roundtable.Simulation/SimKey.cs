using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Roundtable.Consensus;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Simulation;

/// <summary>
/// A P-256 key derived from a name, signing <em>deterministically</em> so that one seed gives
/// byte-identical votes, commits and block ids in every process.
/// </summary>
/// <remarks>
/// The platform's ECDSA draws a fresh random nonce per signature, so block ids (which hash the
/// previous commit's signatures) would differ between two runs of the same seed. Here every
/// signature of a key uses one fixed nonce k derived from the key's name: r = (k·G).x is computed
/// once (by letting the platform derive the public key of k), and s = k⁻¹(z + r·d) mod n is a few
/// big-integer operations. The signatures are ordinary low-S P-256 signatures that the real
/// verifier checks. Reusing a nonce reveals the private key to anyone holding two signatures — which
/// is harmless here because simulated keys are derived from public names anyway — so this signer
/// must never leave the simulator.
/// </remarks>
public sealed class SimKey : IVoteSigner
{
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly BigInteger HalfN = N >> 1;
    private static readonly ConcurrentDictionary<string, SimKey> Cache = new(StringComparer.Ordinal);

    private readonly BigInteger _d;
    private readonly BigInteger _r;
    private readonly BigInteger _kInverse;
    private readonly byte[] _rBytes;

    private SimKey(string name)
    {
        Name = name;
        _d = Scalar("roundtable-simulation/key/" + name);
        var k = Scalar("roundtable-simulation/nonce/" + name);
        using (var privateKey = PrivateKey.FromScalar(ToBytes32(_d)))
        {
            Key = privateKey.PublicKey;
        }

        using (var nonceKey = PrivateKey.FromScalar(ToBytes32(k)))
        {
            _r = new BigInteger(nonceKey.PublicKey.Point[..32], isUnsigned: true, isBigEndian: true) % N;
        }

        _rBytes = ToBytes32(_r);
        _kInverse = BigInteger.ModPow(k, N - 2, N);
    }

    /// <summary>The name the key was derived from (a validator or client label).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public PublicKey Key { get; }

    /// <summary>The key named <paramref name="name"/> (cached: the same name is the same key in every seed).</summary>
    public static SimKey Get(string name) => Cache.GetOrAdd(name, static n => new SimKey(n));

    /// <inheritdoc />
    public Signature Sign(byte[] payload)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(payload, digest);
        var z = new BigInteger(digest, isUnsigned: true, isBigEndian: true);
        var s = _kInverse * (z + (_r * _d)) % N;
        if (s > HalfN)
        {
            s = N - s;
        }

        Span<byte> rs = stackalloc byte[Signature.P256Size];
        _rBytes.CopyTo(rs);
        ToBytes32(s).CopyTo(rs[32..]);
        return Signature.FromP256(rs);
    }

    /// <summary>A transaction signed by this key.</summary>
    public Transaction SignTransaction(string chainId, ulong sequence, ulong expiryHeight, TxMessage message) =>
        Transaction.FromParts(chainId, Key, sequence, expiryHeight, message, Sign(Transaction.SigningPayload(chainId, Key, sequence, expiryHeight, message)));

    /// <inheritdoc />
    public override string ToString() => Name;

    private static BigInteger Scalar(string label)
    {
        // Uniform enough for a simulator: SHA-256 reduced into [1, n − 1].
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(label));
        return (new BigInteger(hash, isUnsigned: true, isBigEndian: true) % (N - 1)) + 1;
    }

    private static byte[] ToBytes32(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length == 32)
        {
            return bytes;
        }

        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return padded;
    }
}
