using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Transactions;
using Roundtable.Merkle;

namespace Roundtable.Ledger.Blocks;

/// <summary>A header and the transactions it commits to, in order.</summary>
public sealed class Block
{
    /// <summary>Most transactions in one block.</summary>
    public const int MaxTransactions = 10_000;

    /// <summary>Largest encoded block, in bytes.</summary>
    public const int MaxEncodedSize = 16 * 1024 * 1024;

    /// <summary>Most pieces of evidence in one block.</summary>
    public const int MaxEvidence = 64;

    private readonly Transaction[] _transactions;
    private readonly DuplicateVoteEvidence[] _evidence;

    // Every node writes a block's bytes several times (WAL, block store, parts for peers): encoded
    // once, into a buffer sized from the transactions, instead of growing a buffer each time.
    private byte[]? _encoded;

    /// <summary>Creates a block.</summary>
    public Block(BlockHeader header, IEnumerable<Transaction> transactions, IEnumerable<DuplicateVoteEvidence>? evidence = null)
    {
        Header = header;
        _transactions = [.. transactions];
        _evidence = evidence is null ? [] : [.. evidence];
    }

    /// <summary>The header.</summary>
    public BlockHeader Header { get; }

    /// <summary>The transactions in execution order.</summary>
    public IReadOnlyList<Transaction> Transactions => _transactions;

    /// <summary>Evidence of equivocation the block records.</summary>
    public IReadOnlyList<DuplicateVoteEvidence> Evidence => _evidence;

    /// <summary>The block id (the header's hash).</summary>
    public Hash256 Id => Header.Id;

    /// <summary>The RFC 6962 root over the encoded transactions.</summary>
    public static Hash256 ComputeTxRoot(IReadOnlyList<Transaction> transactions)
    {
        var leaves = new Hash256[transactions.Count];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = MerkleTree.HashLeaf(transactions[i].Encoded);
        }

        return MerkleTree.ComputeRootFromLeafHashes(leaves);
    }

    /// <summary>The RFC 6962 root over the encoded evidence.</summary>
    public static Hash256 ComputeEvidenceRoot(IReadOnlyList<DuplicateVoteEvidence> evidence) =>
        MerkleTree.ComputeRoot([.. evidence.Select(static e => Canonical.ToBytes(e))]);

    /// <summary>Writes header, transactions (each length-prefixed), then evidence.</summary>
    public void Encode(CanonicalWriter writer)
    {
        Header.Encode(writer);
        writer.WriteList(_transactions, static (w, t) => w.WriteBytes(t.Encoded));
        writer.WriteList(_evidence, static (w, e) => e.Encode(w));
    }

    /// <summary>The canonical encoding, computed once (the block is immutable).</summary>
    public ReadOnlyMemory<byte> Encoded => _encoded ??= EncodeOnce();

    /// <summary>A copy of the canonical encoding, for a caller that keeps or changes it.</summary>
    public byte[] ToBytes() => Encoded.ToArray();

    /// <summary>
    /// Decodes exactly one block and checks that its transaction root matches its transactions.
    /// Does not check signatures, commits or state: that is validation, not decoding.
    /// </summary>
    public static Block Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > MaxEncodedSize)
        {
            throw new DecodeException(DecodeError.Oversize, $"Block is {encoded.Length} bytes, the limit is {MaxEncodedSize}.");
        }

        var reader = new CanonicalReader(encoded);
        var header = BlockHeader.Decode(ref reader);
        var count = reader.ReadLength(MaxTransactions, "transaction count");
        var transactions = new Transaction[count];
        for (var i = 0; i < count; i++)
        {
            transactions[i] = Transaction.Decode(reader.ReadBytes(TransactionLimits.MaxEncodedSize, "transaction"));
        }

        var evidenceCount = reader.ReadLength(MaxEvidence, "evidence count");
        var evidence = new DuplicateVoteEvidence[evidenceCount];
        for (var i = 0; i < evidenceCount; i++)
        {
            evidence[i] = DuplicateVoteEvidence.Decode(ref reader);
        }

        reader.EnsureEnd();
        var block = new Block(header, transactions, evidence);
        if (ComputeTxRoot(transactions) != header.TxRoot)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Block {header.Height}: transactions do not match the header's transaction root.");
        }

        if (ComputeEvidenceRoot(evidence) != header.EvidenceRoot)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Block {header.Height}: evidence does not match the header's evidence root.");
        }

        return block;
    }

    /// <summary>
    /// As <see cref="Decode"/>, but the block keeps <paramref name="encoded"/> as its
    /// <see cref="Encoded"/> instead of encoding itself again: a node that assembled a peer's block
    /// writes those bytes to its WAL and block store. The encoding is canonical (a decoded block
    /// re-encodes to its input, which the block fuzz target checks), so they are the bytes it would
    /// write. The caller hands the array over and must never change it.
    /// </summary>
    public static Block DecodeOwned(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var block = Decode(encoded);
        block._encoded = encoded;
        return block;
    }

    private byte[] EncodeOnce()
    {
        // Header and evidence are small; each transaction adds at most a 3-byte length prefix.
        var capacity = 4096;
        foreach (var tx in _transactions)
        {
            capacity += tx.Encoded.Length + 3;
        }

        var writer = new CanonicalWriter(capacity);
        Encode(writer);
        return writer.ToArray();
    }
}
