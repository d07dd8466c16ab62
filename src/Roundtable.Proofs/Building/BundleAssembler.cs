using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Proofs.Building;

/// <summary>
/// Builds bundles and light blocks from stored headers: the trust anchor, then exactly the headers
/// a verifier needs (each validator-set handover between the anchor and the claims, and the
/// claims' own headers), each with its commit. docs/proofs.md §3.
/// </summary>
public sealed class BundleAssembler
{
    private readonly IHeaderArchive _archive;
    private readonly ValidatorSetArchive _sets;

    /// <summary>Creates an assembler over <paramref name="archive"/> for the chain of <paramref name="genesis"/>.</summary>
    public BundleAssembler(IHeaderArchive archive, GenesisAnchor genesis)
    {
        _archive = archive;
        Genesis = genesis;
        _sets = new ValidatorSetArchive(archive, genesis.Validators);
    }

    /// <summary>The chain's genesis anchor.</summary>
    public GenesisAnchor Genesis { get; }

    /// <summary>
    /// A bundle of <paramref name="claims"/> with trust carried from genesis, or from the header at
    /// <paramref name="trustHeight"/> when given.
    /// </summary>
    /// <exception cref="ProofUnavailableException">The trust height is not stored or comes after a claim, or a set on the way was never recorded.</exception>
    public ProofBundle Assemble(IReadOnlyList<ProofClaim> claims, ulong? trustHeight)
    {
        try
        {
            TrustAnchor anchor = Genesis;
            if (trustHeight is { } t)
            {
                var trusted = t >= 1 ? _archive.Read(t) : null;
                anchor = trusted is null
                    ? throw new ProofUnavailableException($"There is no block {t} to trust on this node.")
                    : new HeaderAnchor(trusted.Header, _sets.NextSetOf(t));
            }

            var top = claims.Count == 0 ? anchor.Height : claims.Max(c => c.Height);
            if (top < anchor.Height)
            {
                throw new ProofUnavailableException($"The record is in block {top}, before the trusted block {anchor.Height}; trust an earlier block.");
            }

            var heights = new SortedSet<ulong>(_sets.Handovers(anchor.Height, top));
            heights.UnionWith(claims.Select(c => c.Height).Where(h => h > anchor.Height));
            var headers = heights.Select(h =>
            {
                var stored = Stored(h);
                return new CommittedHeader(stored.Header, stored.Commit, stored.Header.NextValidatorSetHash == stored.Header.ValidatorSetHash ? null : _sets.NextSetOf(h));
            }).ToList();
            return new ProofBundle(Genesis.ChainId, anchor, headers, claims);
        }
        catch (InvalidOperationException e)
        {
            throw new ProofUnavailableException(e.Message);
        }
    }

    /// <summary>The light block at <paramref name="height"/>, or null when it is not stored.</summary>
    /// <exception cref="ProofUnavailableException">A validator set it needs was never recorded.</exception>
    public LightBlock? LightBlock(ulong height)
    {
        var stored = height == 0 ? null : _archive.Read(height);
        try
        {
            return stored is null ? null : new LightBlock(stored.Header, stored.Commit, _sets.SetAt(height), _sets.NextSetOf(height));
        }
        catch (InvalidOperationException e)
        {
            throw new ProofUnavailableException(e.Message);
        }
    }

    private ArchivedHeader Stored(ulong height) =>
        _archive.Read(height) ?? throw new ProofUnavailableException($"Block {height} is not in this node's store.");
}

/// <summary>A proof that cannot be built from what is stored (yet); the message is for the person who asked.</summary>
public sealed class ProofUnavailableException(string message) : Exception(message);
