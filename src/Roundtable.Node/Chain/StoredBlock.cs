using Roundtable.Application.Execution;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;

namespace Roundtable.Node.Chain;

/// <summary>
/// What the node keeps per height: the block, the commit that decided it (the next block carries it
/// too, but the tip's commit exists nowhere else), the results of executing it and its validator
/// history. Blocks stored before the history existed decode with <see cref="History"/> null.
/// </summary>
/// <param name="Block">The block.</param>
/// <param name="Commit">Its commit.</param>
/// <param name="Results">One result per transaction.</param>
/// <param name="History">Validator-set history at this height, or null for a block stored by older software.</param>
public sealed record StoredBlock(Block Block, Commit Commit, IReadOnlyList<TxResult> Results, ValidatorHistory? History)
{
    /// <summary>About how many bytes <see cref="Encode"/> writes (the block's bytes and a typical result per transaction): a writer's starting size.</summary>
    public int EncodedSizeHint => 4096 + Block.Encoded.Length + (Results.Count * 64);

    /// <summary>Encodes block, commit and results for the block store.</summary>
    public byte[] ToBytes()
    {
        var writer = new CanonicalWriter(EncodedSizeHint);
        Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Writes what <see cref="ToBytes"/> returns, into a caller's writer.</summary>
    public void Encode(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBytes(Block.Encoded.Span);
        Commit.Encode(writer);
        writer.WriteList(Results, static (w, r) => r.Encode(w));
        History?.Encode(writer);
    }

    /// <summary>Decodes a stored record.</summary>
    public static StoredBlock Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new CanonicalReader(encoded);
        var block = Block.Decode(reader.ReadBytes(Block.MaxEncodedSize, "block"));
        var commit = Commit.Decode(ref reader);
        var count = reader.ReadLength(Block.MaxTransactions, "result count");
        var results = new TxResult[count];
        for (var i = 0; i < count; i++)
        {
            results[i] = TxResult.Decode(ref reader);
        }

        // The history is a trailing field: records written before it existed simply end here.
        var history = reader.Remaining > 0 ? ValidatorHistory.Decode(ref reader) : null;
        reader.EnsureEnd();
        if (results.Length != block.Transactions.Count || commit.Height != block.Header.Height || commit.BlockId != block.Id)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Stored block {block.Header.Height} does not match its commit or results.");
        }

        return new StoredBlock(block, commit, results, history);
    }
}
