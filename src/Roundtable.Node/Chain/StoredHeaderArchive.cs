using Roundtable.Proofs.Building;

namespace Roundtable.Node.Chain;

/// <summary>The block store as the header archive proofs are built from.</summary>
internal sealed class StoredHeaderArchive(ChainStore store) : IHeaderArchive
{
    public ulong LastHeight => store.LastHeight;

    public ArchivedHeader? Read(ulong height) =>
        store.Read(height) is { } stored
            ? new ArchivedHeader(stored.Block.Header, stored.Commit, stored.History?.SetEffectiveHeight, stored.History?.NextSet)
            : null;
}
