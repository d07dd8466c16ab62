using Roundtable.Application.State;
using Roundtable.Core.Hashing;
using Roundtable.Merkle;
using Roundtable.Proofs.Building;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Node.Runtime;

/// <summary>Proof bundles and light blocks, from the block store and the state one block behind the tip.</summary>
public sealed partial class ChainState
{
    private readonly BundleAssembler _proofs;

    // The state after block H − 1, whose root header H carries: the newest state a proof can be checked against.
    private StateSnapshot? _provable;

    /// <summary>The chain's genesis as a trust anchor; its hash is the genesis hash.</summary>
    public GenesisAnchor Genesis => _proofs.Genesis;

    /// <summary>
    /// A bundle proving the value (or absence) of each key in the newest state a header commits to,
    /// with trust carried from genesis, or from the header at <paramref name="trustHeight"/>. When
    /// <paramref name="includingHeight"/> is given, that state must include block <paramref name="includingHeight"/>.
    /// </summary>
    /// <exception cref="ProofPendingException">The requested state is not committed by a header yet.</exception>
    /// <exception cref="ProofUnavailableException">The node cannot build it; the message says why.</exception>
    public ProofBundle ProveState(IReadOnlyList<byte[]> keys, ulong? trustHeight, ulong? includingHeight = null)
    {
        lock (_gate)
        {
            var state = _provable is { } s && s.Height + 1 == _store.LastHeight && s.Height >= (includingHeight ?? 0)
                ? s
                : throw new ProofPendingException();
            var height = state.Height + 1;
            return _proofs.Assemble([.. keys.Select(k => new StateClaim(height, k, state.Get(k), state.Prove(k)))], trustHeight);
        }
    }

    /// <summary>A bundle proving that a committed transaction is in its block.</summary>
    /// <exception cref="ProofUnavailableException">The transaction is not committed, or the trust height is unusable.</exception>
    public ProofBundle ProveTransaction(Hash256 hash, ulong? trustHeight)
    {
        lock (_gate)
        {
            var found = _store.FindTransaction(hash) ?? throw new ProofUnavailableException($"Transaction {hash} is not committed on this node.");
            var block = _store.Read(found.Height)!.Block;
            var leaves = block.Transactions.Select(t => MerkleTree.HashLeaf(t.Encoded)).ToList();
            return _proofs.Assemble([new TransactionClaim(found.Height, found.Transaction!.Encoded.ToArray(), MerkleTree.ProveInclusion(leaves, found.Index))], trustHeight);
        }
    }

    /// <summary>The light block at <paramref name="height"/> (the newest when null), or null when not stored.</summary>
    /// <exception cref="ProofUnavailableException">A validator set it needs was never recorded by this node.</exception>
    public LightBlock? ReadLightBlock(ulong? height)
    {
        lock (_gate)
        {
            return _proofs.LightBlock(height ?? _store.LastHeight);
        }
    }
}

/// <summary>The requested state is not committed by a header yet: the next block will commit it, so asking again then succeeds.</summary>
public sealed class ProofPendingException() : Exception("The requested state is not in a committed header yet; ask again after the next block.");
