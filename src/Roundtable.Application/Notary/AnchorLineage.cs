using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Notary;
using Roundtable.Merkle;

namespace Roundtable.Application.Notary;

/// <summary>An anchor reached while walking lineage.</summary>
/// <param name="Anchor">The anchor.</param>
/// <param name="Depth">Steps from the starting anchor (1 for a direct parent or child).</param>
/// <param name="Relation">How the child of the step relates to its parent.</param>
/// <param name="Via">The anchor one step closer to the start.</param>
public sealed record LineageEntry(AnchorRecord Anchor, int Depth, LineageRelation Relation, Hash256 Via);

/// <summary>
/// An anchor's ancestors (through its records' links) and descendants (through the
/// <c>anchor-child</c> index), breadth first in digest order, each anchor once at its shortest
/// distance. Bounded by <see cref="MaxDepth"/> steps and <see cref="MaxEntries"/> anchors per
/// direction; <see cref="Truncated"/> says a bound was reached.
/// </summary>
/// <param name="Anchor">The starting anchor.</param>
/// <param name="Ancestors">Anchors it descends from.</param>
/// <param name="Descendants">Anchors that descend from it.</param>
/// <param name="Truncated">True when a bound stopped either walk.</param>
public sealed record AnchorLineage(AnchorRecord Anchor, IReadOnlyList<LineageEntry> Ancestors, IReadOnlyList<LineageEntry> Descendants, bool Truncated)
{
    /// <summary>Most steps walked in each direction.</summary>
    public const int MaxDepth = 16;

    /// <summary>Most anchors returned in each direction.</summary>
    public const int MaxEntries = 256;

    /// <summary>The lineage of <paramref name="digest"/> in <paramref name="state"/>, or null when it is not anchored.</summary>
    public static AnchorLineage? Load(SparseMerkleMap state, Hash256 digest)
    {
        var anchor = Read(state, digest);
        if (anchor is null)
        {
            return null;
        }

        var (ancestors, ancestorsCut) = Walk(state, anchor, static (_, a) => a.Links.Select(l => (l.Parent, l.Relation)));
        var (descendants, descendantsCut) = Walk(state, anchor, static (s, a) => s.EnumeratePrefix(NotaryKeys.ChildPrefix(a.Digest))
            .Select(e => (NotaryKeys.DigestAtEnd(e.Key), Canonical.FromBytes<LineageChild>(e.Value).Relation)));
        return new AnchorLineage(anchor, ancestors, descendants, ancestorsCut || descendantsCut);
    }

    private static (List<LineageEntry> Entries, bool Truncated) Walk(
        SparseMerkleMap state, AnchorRecord start, Func<SparseMerkleMap, AnchorRecord, IEnumerable<(Hash256 Next, LineageRelation Relation)>> neighbours)
    {
        var entries = new List<LineageEntry>();
        var seen = new HashSet<Hash256> { start.Digest };
        var frontier = new List<AnchorRecord> { start };
        for (var depth = 1; frontier.Count > 0; depth++)
        {
            var next = new List<AnchorRecord>();
            foreach (var from in frontier)
            {
                foreach (var (digest, relation) in neighbours(state, from))
                {
                    if (!seen.Add(digest))
                    {
                        continue;
                    }

                    if (depth > MaxDepth || entries.Count >= MaxEntries)
                    {
                        return (entries, true);
                    }

                    var anchor = Read(state, digest) ?? throw new InvalidOperationException($"Lineage names missing anchor {digest}.");
                    entries.Add(new LineageEntry(anchor, depth, relation, from.Digest));
                    next.Add(anchor);
                }
            }

            frontier = next;
        }

        return (entries, false);
    }

    private static AnchorRecord? Read(SparseMerkleMap state, Hash256 digest) =>
        state.Get(NotaryKeys.Anchor(digest)) is { } raw ? Canonical.FromBytes<AnchorRecord>(raw) : null;
}
