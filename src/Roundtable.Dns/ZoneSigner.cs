using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Roundtable.Dns;

/// <summary>
/// This node's signer: its private keys and the signatures of its last build. The node rebuilds a
/// zone after every block that changes it; an RRset whose signed data (canonical records, window,
/// key) is unchanged gets its previous signature back instead of a new one, so one changed name
/// costs a few signatures, not a re-signing of the zone. Keep one instance per zone and reuse it.
/// Thread-safe: builds that share it run one at a time.
/// </summary>
public sealed class ZoneSigner
{
    private readonly DnssecSigningKey[] keys;
    private readonly DnssecSigningKey[] dnskeySigners;
    private readonly DnssecSigningKey[] dataSigners;
    private readonly Lock gate = new();
    private Dictionary<UInt128, byte[]> cache = [];

    /// <summary>A signer with this node's keys; with both flags present, 257 keys sign the DNSKEY RRset and 256 keys everything else (RFC 6781 §3.1).</summary>
    /// <exception cref="ArgumentException">No key, or a key given twice.</exception>
    public ZoneSigner(IEnumerable<DnssecSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        this.keys = [.. keys];
        if (this.keys.Length == 0)
        {
            throw new ArgumentException("a zone signer needs at least one key", nameof(keys));
        }

        if (this.keys.Select(k => k.PublicKey).Distinct().Count() != this.keys.Length)
        {
            throw new ArgumentException("a key is given twice", nameof(keys));
        }

        var entryPoints = this.keys.Where(k => k.PublicKey.IsSecureEntryPoint).ToArray();
        var zoneKeys = this.keys.Where(k => !k.PublicKey.IsSecureEntryPoint).ToArray();
        dnskeySigners = entryPoints.Length > 0 ? entryPoints : this.keys;
        dataSigners = zoneKeys.Length > 0 ? zoneKeys : this.keys;
    }

    /// <summary>The public halves of this node's keys.</summary>
    public IReadOnlyList<DnssecKey> Keys => [.. keys.Select(k => k.PublicKey)];

    /// <summary>Signatures kept from the last build (those it used), for reuse by the next.</summary>
    public int CachedSignatures { get; private set; }

    /// <summary>Signatures the last build had to make because the signed data was new.</summary>
    public int SignaturesMadeByLastBuild { get; private set; }

    /// <summary>
    /// Signs each RRset with the keys its type calls for; returns the RRSIG RRsets in the same
    /// order. Signatures of the previous build are reused; those this build does not use are dropped.
    /// </summary>
    internal RRset[] SignAll(IReadOnlyList<RRset> sets, DnsName signerName, SignatureWindow window)
    {
        lock (gate)
        {
            var next = new Dictionary<UInt128, byte[]>(cache.Count);
            var made = 0;
            using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var result = new RRset[sets.Count];
            for (var i = 0; i < sets.Count; i++)
            {
                var set = sets[i];
                var canonical = SignedData.CanonicalRRset(set);
                var signers = set.Type == RecordType.DNSKEY ? dnskeySigners : dataSigners;
                var records = new Rdata[signers.Length];
                for (var k = 0; k < signers.Length; k++)
                {
                    var head = SignedData.RrsigHead(set, signers[k].PublicKey.KeyTag, window);
                    byte[] data = [.. head, .. signerName.Wire, .. canonical];
                    var digest = Digest(hasher, signers[k].PublicKey, data);
                    if (!cache.TryGetValue(digest, out var signature) && !next.TryGetValue(digest, out signature))
                    {
                        signature = signers[k].Sign(data);
                        made++;
                    }

                    next[digest] = signature;
                    records[k] = new Rdata(head, [signerName], signature, compressible: false);
                }

                result[i] = new RRset(set.Owner, RecordType.RRSIG, set.Ttl, records);
            }

            cache = next;
            CachedSignatures = next.Count;
            SignaturesMadeByLastBuild = made;
            return result;
        }
    }

    /// <summary>
    /// The cache key: 128 bits of SHA-256 over the whole key (two keys may share a tag) and
    /// everything the signature covers, window included.
    /// </summary>
    private static UInt128 Digest(IncrementalHash hasher, DnssecKey key, ReadOnlySpan<byte> data)
    {
        hasher.AppendData(key.Rdata);
        hasher.AppendData(data);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        hasher.GetHashAndReset(hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }
}
