using System.Security.Cryptography;

namespace Roundtable.Merkle.Tests.Support;

/// <summary>
/// A deliberately naive sparse Merkle root: recursion over the full sorted list of (path, value
/// hash) pairs, splitting on one bit per level, written from the spec in docs/merkle.md and sharing
/// no code with the implementation under test.
/// </summary>
internal static class NaiveSparseMerkle
{
    public static byte[] KeyPath(byte[] key) => SHA256.HashData(key);

    public static byte[] LeafHash(byte[] path, byte[] valueHash) => SHA256.HashData([0x00, .. path, .. valueHash]);

    public static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    /// <summary>Root of a map given as key → value.</summary>
    public static byte[] RootOfMap(IEnumerable<KeyValuePair<byte[], byte[]>> entries) =>
        RootOfPaths(entries.Select(e => (KeyPath(e.Key), SHA256.HashData(e.Value))));

    /// <summary>Root of leaves given as raw 32-byte paths with their value hashes.</summary>
    public static byte[] RootOfPaths(IEnumerable<(byte[] Path, byte[] ValueHash)> leaves) => Root([.. leaves], 0);

    public static bool Bit(byte[] path, int index) => ((path[index / 8] >> (7 - (index % 8))) & 1) == 1;

    private static byte[] Root(List<(byte[] Path, byte[] ValueHash)> leaves, int depth)
    {
        if (leaves.Count == 0)
        {
            return new byte[32];
        }

        if (leaves.Count == 1)
        {
            return LeafHash(leaves[0].Path, leaves[0].ValueHash);
        }

        var left = leaves.Where(l => !Bit(l.Path, depth)).ToList();
        var right = leaves.Where(l => Bit(l.Path, depth)).ToList();
        return NodeHash(Root(left, depth + 1), Root(right, depth + 1));
    }
}
