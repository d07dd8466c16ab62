using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>
/// Encodes decoded values again from their fields, never from bytes a decoder kept, so comparing
/// the result with the decoder's input checks the canonical round-trip property: a decoder that
/// accepts non-canonical bytes produces a value whose fresh encoding differs from its input.
/// Also compiled into the fuzzer.
/// </summary>
internal static class Reencode
{
    public static byte[] Transaction(Transaction tx) =>
        Transactions.Transaction.FromParts(tx.ChainId, tx.Sender, tx.Sequence, tx.ExpiryHeight, tx.Message, tx.Signature).Encoded.ToArray();

    public static byte[] Block(Block block)
    {
        var writer = new CanonicalWriter();
        block.Header.Encode(writer);
        writer.WriteList(block.Transactions, static (w, t) => w.WriteBytes(Transaction(t)));
        writer.WriteList(block.Evidence, static (w, e) => new DuplicateVoteEvidence(e.First, e.Second).Encode(w));
        return writer.ToArray();
    }

    public static byte[] Commit(Commit commit) => new Commit(commit.Height, commit.Round, commit.BlockId, commit.Signatures).ToBytes();

    public static byte[] ValidatorSet(ValidatorSet set)
    {
        var writer = new CanonicalWriter();
        new ValidatorSet(set.Validators).Encode(writer);
        return writer.ToArray();
    }
}
