using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Node.Peers;

/// <summary>
/// A list of hashes; its wire type says what they name. Transaction hashes as an announcement ("I
/// hold these", <see cref="WireType.TransactionAnnounce"/>) or a request ("send me these",
/// <see cref="WireType.TransactionRequest"/>): how a transaction crosses more than one hop without
/// every node sending every transaction to every peer (docs/network.md §10). Personal-field
/// commitments whose values the sender lacks (<see cref="WireType.DisclosureRequest"/>): how a node
/// that was down, or heard a value before its field committed, gets it later (docs/network.md §10).
/// </summary>
public sealed record HashesMessage : ICanonical<HashesMessage>
{
    /// <summary>Most hashes in one message (32 KiB of hashes).</summary>
    public const int MaxHashes = 1024;

    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentException">No hash, or more than <see cref="MaxHashes"/>.</exception>
    public HashesMessage(IReadOnlyList<Hash256> hashes)
    {
        if (hashes.Count is 0 or > MaxHashes)
        {
            throw new ArgumentException($"A message carries 1 to {MaxHashes} hashes, not {hashes.Count}.", nameof(hashes));
        }

        Hashes = hashes;
    }

    /// <summary>The hashes, in the sender's order.</summary>
    public IReadOnlyList<Hash256> Hashes { get; }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteList(Hashes, (w, h) => w.WriteHash(h));

    /// <inheritdoc />
    public static HashesMessage Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxHashes, "hash count");
        if (count == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, "A hash list carries at least one hash.");
        }

        var hashes = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = reader.ReadHash();
        }

        return new HashesMessage(hashes);
    }

    /// <summary>The messages carrying <paramref name="hashes"/>, at most <see cref="MaxHashes"/> each.</summary>
    public static IEnumerable<HashesMessage> Chunk(IEnumerable<Hash256> hashes) =>
        hashes.Chunk(MaxHashes).Select(chunk => new HashesMessage(chunk));

    /// <inheritdoc />
    public bool Equals(HashesMessage? other) => other is not null && Hashes.SequenceEqual(other.Hashes);

    /// <inheritdoc />
    public override int GetHashCode() => Hashes.Count;
}
