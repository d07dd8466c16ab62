using Roundtable.Ledger.Validators;

namespace Roundtable.Proofs.Building;

/// <summary>
/// Answers "which validator set decided height h" and "where did the set change" from stored
/// headers alone: each stored height names the first height of its set, and a header that hands
/// over carries the new set. Heights stored by older software lack that record; for them the
/// archive steps back header by header, and refuses when it would need a set never recorded.
/// </summary>
/// <param name="archive">The stored headers.</param>
/// <param name="genesisSet">The set that decides block 1.</param>
public sealed class ValidatorSetArchive(IHeaderArchive archive, ValidatorSet genesisSet)
{
    /// <summary>The set that decided block <paramref name="height"/>.</summary>
    /// <exception cref="InvalidOperationException">The block is not stored, or its set was never recorded.</exception>
    public ValidatorSet SetAt(ulong height)
    {
        var effective = EffectiveHeight(height);
        return effective <= 1 ? genesisSet : HandoverSet(effective - 1);
    }

    /// <summary>The set that decides the block after <paramref name="height"/>.</summary>
    /// <exception cref="InvalidOperationException">The block is not stored, or the set was never recorded.</exception>
    public ValidatorSet NextSetOf(ulong height)
    {
        var header = Read(height).Header;
        return header.NextValidatorSetHash == header.ValidatorSetHash ? SetAt(height) : HandoverSet(height);
    }

    /// <summary>
    /// The heights in (<paramref name="after"/>, <paramref name="upTo"/>) whose headers hand over to
    /// a new set, ascending: the links a verifier that trusts the set deciding <paramref name="after"/> + 1
    /// needs to reach block <paramref name="upTo"/>.
    /// </summary>
    public IReadOnlyList<ulong> Handovers(ulong after, ulong upTo)
    {
        var links = new List<ulong>();
        var height = upTo;
        while (true)
        {
            var effective = EffectiveHeight(height);
            if (effective <= after + 1)
            {
                break;
            }

            height = effective - 1;
            links.Add(height);
        }

        links.Reverse();
        return links;
    }

    /// <summary>First height decided by the set that decided <paramref name="height"/>.</summary>
    private ulong EffectiveHeight(ulong height)
    {
        if (Read(height).SetEffectiveHeight is { } recorded)
        {
            return recorded;
        }

        // Older record: the set took effect right after the nearest earlier header that handed over.
        for (var h = height - 1; h >= 1; h--)
        {
            var header = Read(h).Header;
            if (header.NextValidatorSetHash != header.ValidatorSetHash)
            {
                return h + 1;
            }
        }

        return 1;
    }

    private ValidatorSet HandoverSet(ulong height) =>
        Read(height).NextSet
        ?? throw new InvalidOperationException($"Block {height} changed the validator set before this node recorded sets; proofs across it are not available from this node.");

    private ArchivedHeader Read(ulong height) =>
        archive.Read(height) ?? throw new InvalidOperationException($"Block {height} is not in this node's store.");
}
