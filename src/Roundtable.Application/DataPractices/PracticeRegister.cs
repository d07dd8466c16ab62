using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Notary;
using Roundtable.Merkle;

namespace Roundtable.Application.DataPractices;

/// <summary>Reads the register from committed state: statements in id order, one statement with its history.</summary>
public static class PracticeRegister
{
    /// <summary>Every statement that <paramref name="filter"/> admits, in statement-id order.</summary>
    public static IReadOnlyList<PracticeEntry> List(SparseMerkleMap state, PracticeFilter filter) =>
        [.. state.EnumeratePrefix(PracticeKeys.StatementPrefix)
            .Select(e => Entry(state, Canonical.FromBytes<PracticeHead>(e.Value)))
            .Where(filter.Matches)];

    /// <summary>
    /// The statement that <paramref name="digest"/> names, by its id or by the digest of any of its
    /// versions, with every version (newest first), its comments and the disputes about it; or null.
    /// </summary>
    public static PracticeHistory? History(SparseMerkleMap state, Hash256 digest, ulong nowMs)
    {
        if (Read<PracticeVersion>(state, PracticeKeys.Version(digest)) is not { } named)
        {
            return null;
        }

        var entry = Entry(state, Read<PracticeHead>(state, PracticeKeys.Statement(named.StatementId)) ?? throw Missing("statement", named.StatementId));
        var versions = new List<PracticeVersionRecord>();
        for (Hash256? next = entry.Head.Current; next is { } d;)
        {
            var version = Read<PracticeVersion>(state, PracticeKeys.Version(d)) ?? throw Missing("version", d);
            versions.Add(new PracticeVersionRecord(version, Anchor(state, d)));
            next = version.Document.Previous;
        }

        var comments = state.EnumeratePrefix(PracticeKeys.CommentPrefix(entry.Head.Id)).Select(e => Canonical.FromBytes<PracticeComment>(e.Value)).ToList();
        var disputes = PracticeDisputes.About(state, [.. versions.Select(v => v.Version.Digest)], nowMs);
        return new PracticeHistory(entry, versions, comments, disputes);
    }

    private static PracticeEntry Entry(SparseMerkleMap state, PracticeHead head) => new(
        head,
        Read<PracticeVersion>(state, PracticeKeys.Version(head.Current)) ?? throw Missing("version", head.Current),
        Anchor(state, head.Current));

    private static AnchorRecord Anchor(SparseMerkleMap state, Hash256 digest) =>
        Read<AnchorRecord>(state, NotaryKeys.Anchor(digest)) ?? throw Missing("anchor", digest);

    private static T? Read<T>(SparseMerkleMap state, byte[] key)
        where T : class, ICanonical<T> =>
        state.Get(key) is { } raw ? Canonical.FromBytes<T>(raw) : null;

    private static InvalidOperationException Missing(string what, Hash256 id) => new($"The register names a missing {what} {id}.");
}
