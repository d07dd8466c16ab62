using Roundtable.Core.Hashing;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Node.Runtime;

/// <summary>
/// The verdicts of transaction signatures checked on every core before their blocks execute, so
/// that execution (one block at a time, in order, under the node's lock when live) only looks them
/// up. A signature check reads nothing but the transaction, so doing it early, in parallel and in
/// any order cannot change what the block does; a transaction found invalid here is simply
/// checked again, serially, by execution, which refuses it.
/// </summary>
internal sealed class VerifiedSignatures
{
    // Below this many checks the cost of spreading them over threads outweighs the gain.
    private const int ParallelFrom = 4;

    private readonly HashSet<Hash256> valid;

    private VerifiedSignatures(HashSet<Hash256> valid) => this.valid = valid;

    /// <summary>Checks every transaction whose signature <paramref name="alreadyVerified"/> does not vouch for.</summary>
    public static VerifiedSignatures Check(IReadOnlyList<Transaction> transactions, Func<Transaction, bool> alreadyVerified)
    {
        var verdicts = new bool[transactions.Count];
        var toCheck = new List<int>(transactions.Count);
        for (var i = 0; i < transactions.Count; i++)
        {
            if (alreadyVerified(transactions[i]))
            {
                verdicts[i] = true;
            }
            else
            {
                toCheck.Add(i);
            }
        }

        if (toCheck.Count >= ParallelFrom)
        {
            Parallel.ForEach(toCheck, i => verdicts[i] = transactions[i].VerifySignature());
        }
        else
        {
            toCheck.ForEach(i => verdicts[i] = transactions[i].VerifySignature());
        }

        return new VerifiedSignatures([.. transactions.Where((_, i) => verdicts[i]).Select(t => t.Hash)]);
    }

    /// <summary>True when the transaction's signature was found valid (or vouched for).</summary>
    public bool IsValid(Transaction transaction) => valid.Contains(transaction.Hash);
}
