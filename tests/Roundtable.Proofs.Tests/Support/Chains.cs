using Roundtable.Proofs.Building;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Proofs.Tests.Support;

/// <summary>The chains and bundles most tests start from.</summary>
internal static class Chains
{
    /// <summary>
    /// Ten blocks with an anchor-like record written in block 3, a transaction in block 5, and the
    /// validator set replaced three times (from blocks 4, 6 and 8), the last time by a set with no
    /// validator in common with genesis.
    /// </summary>
    public static SignedChain WithThreeSetChanges()
    {
        var chain = new SignedChain();
        chain.Append();
        chain.ChangeValidatorsAt(4, chain.NewSet(5, keySeed: 1));
        chain.Append();
        chain.Append(writes: [("anchor/abc", "the anchored record"), ("member/x", "a member")]);
        chain.ChangeValidatorsAt(6, chain.NewSet(3, keySeed: 2));
        chain.Append();
        chain.Append(transactions: [[1, 2, 3], [4, 5], [6], [7, 8, 9, 10], [11]]);
        chain.ChangeValidatorsAt(8, chain.NewSet(7, keySeed: 3));
        chain.AppendEmpty(5);
        return chain;
    }

    /// <summary>A bundle from genesis proving the record and a missing key at the newest header, and the transaction in block 5.</summary>
    public static ProofBundle Bundle(SignedChain chain, ulong? trustHeight = null) =>
        new BundleAssembler(chain, chain.Genesis).Assemble(
            [chain.ProveState(chain.LastHeight, "anchor/abc"), chain.ProveState(chain.LastHeight, "anchor/missing"), chain.ProveTransaction(5, 3)],
            trustHeight);
}
