using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Node.Peers;

/// <summary>
/// Transaction hashes, as an announcement ("I hold these", <see cref="WireType.TransactionAnnounce"/>)
/// or a request ("send me these", <see cref="WireType.TransactionRequest"/>): how a transaction
/// crosses more than one hop without every node sending every transaction to every peer
/// (docs/network.md §10, "Transaction relay").
/// </summary>
public sealed record TransactionHashesMessage : ICanonical<TransactionHashesMessage>
{
    /// <summary>Most hashes in one message (32 KiB of hashes).</summary>
    public const int MaxHashes = 1024;

    /// <summary>Creates the message.</summary>
    /// <exception cref="ArgumentException">No hash, or more than <see cref="MaxHashes"/>.</exception>
    public TransactionHashesMessage(IReadOnlyList<Hash256> hashes)
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
    public static TransactionHashesMessage Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxHashes, "hash count");
        if (count == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, "A transaction hash message carries at least one hash.");
        }

        var hashes = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = reader.ReadHash();
        }

        return new TransactionHashesMessage(hashes);
    }

    /// <summary>The messages carrying <paramref name="hashes"/>, at most <see cref="MaxHashes"/> each.</summary>
    public static IEnumerable<TransactionHashesMessage> Chunk(IEnumerable<Hash256> hashes) =>
        hashes.Chunk(MaxHashes).Select(chunk => new TransactionHashesMessage(chunk));

    /// <inheritdoc />
    public bool Equals(TransactionHashesMessage? other) => other is not null && Hashes.SequenceEqual(other.Hashes);

    /// <inheritdoc />
    public override int GetHashCode() => Hashes.Count;
}
