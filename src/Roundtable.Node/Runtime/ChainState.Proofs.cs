using Roundtable.Application.State;
using Roundtable.Core.Hashing;
using Roundtable.Merkle;
using Roundtable.Node.Chain;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Node.Runtime;

/// <summary>Proof bundles and light blocks, assembled from the block store and the state one block behind the tip.</summary>
public sealed partial class ChainState
{
    private readonly ValidatorSetArchive _validatorSets;

    // The state after block H − 1, whose root header H carries: the newest state a proof can be checked against.
    private StateSnapshot? _provable;

    /// <summary>The chain's genesis as a trust anchor; its hash is the genesis hash.</summary>
    public GenesisAnchor Genesis { get; }

    /// <summary>
    /// A bundle proving the value (or absence) of each key in the newest state a header commits to,
    /// with trust carried from genesis, or from the header at <paramref name="trustHeight"/>.
    /// </summary>
    /// <exception cref="ProofUnavailableException">The node cannot build it (yet); the message says why.</exception>
    public ProofBundle ProveState(IReadOnlyList<byte[]> keys, ulong? trustHeight)
    {
        lock (_gate)
        {
            var state = _provable is { } s && s.Height + 1 == _store.LastHeight
                ? s
                : throw new ProofUnavailableException("The newest state is not in a committed header yet; try again after the next block.");
            var height = state.Height + 1;
            var claims = keys.Select(k => (ProofClaim)new StateClaim(height, k, state.Get(k), state.Prove(k))).ToList();
            return Assemble(claims, trustHeight);
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
            var claim = new TransactionClaim(found.Height, found.Transaction!.Encoded.ToArray(), MerkleTree.ProveInclusion(leaves, found.Index));
            return Assemble([claim], trustHeight);
        }
    }

    /// <summary>The light block at <paramref name="height"/> (the newest when null), or null when not stored.</summary>
    public LightBlock? ReadLightBlock(ulong? height)
    {
        lock (_gate)
        {
            var h = height ?? _store.LastHeight;
            var stored = h == 0 ? null : _store.Read(h);
            return stored is null ? null : new LightBlock(stored.Block.Header, stored.Commit, _validatorSets.SetAt(h), _validatorSets.NextSetOf(h));
        }
    }

    private ProofBundle Assemble(IReadOnlyList<ProofClaim> claims, ulong? trustHeight)
    {
        TrustAnchor anchor = Genesis;
        if (trustHeight is { } t)
        {
            var trusted = t >= 1 && t <= _store.LastHeight ? _store.Read(t)! : throw new ProofUnavailableException($"There is no block {t} to trust on this node.");
            anchor = new HeaderAnchor(trusted.Block.Header, _validatorSets.NextSetOf(t));
        }

        var top = claims.Max(c => c.Height);
        if (top < anchor.Height)
        {
            throw new ProofUnavailableException($"The record is in block {top}, before the trusted block {anchor.Height}; trust an earlier block.");
        }

        var heights = new SortedSet<ulong>(_validatorSets.Handovers(anchor.Height, top));
        heights.UnionWith(claims.Select(c => c.Height).Where(h => h > anchor.Height));
        var headers = heights.Select(h =>
        {
            var stored = _store.Read(h)!;
            var header = stored.Block.Header;
            var next = header.NextValidatorSetHash == header.ValidatorSetHash ? null : _validatorSets.NextSetOf(h);
            return new CommittedHeader(header, stored.Commit, next);
        }).ToList();
        return new ProofBundle(ChainId, anchor, headers, claims);
    }
}

/// <summary>A proof this node cannot build; the message is for the person who asked.</summary>
public sealed class ProofUnavailableException(string message) : Exception(message);
