namespace Roundtable.Node.Peers;

/// <summary>Message types the node sends over the peer transport (type 0 is the transport's own). Never renumber.</summary>
public static class WireType
{
    /// <summary>A transaction (canonical bytes). Still accepted; nodes now send <see cref="TransactionBatch"/>.</summary>
    public const byte Transaction = 1;

    /// <summary>A signed proposal with the size and part count of its block.</summary>
    public const byte Proposal = 2;

    /// <summary>One part of a proposed block.</summary>
    public const byte BlockPart = 3;

    /// <summary>A prevote or precommit.</summary>
    public const byte Vote = 4;

    /// <summary>Evidence of equivocation.</summary>
    public const byte Evidence = 5;

    /// <summary>The sender's committed height.</summary>
    public const byte Status = 6;

    /// <summary>A request for a committed block.</summary>
    public const byte BlockRequest = 7;

    /// <summary>A committed block with its commit.</summary>
    public const byte BlockResponse = 8;

    /// <summary>A request for the snapshots the peer can serve (no payload).</summary>
    public const byte SnapshotsRequest = 9;

    /// <summary>One snapshot the sender can serve: height, state root, size, checksum.</summary>
    public const byte SnapshotOffer = 10;

    /// <summary>A request for one chunk of an offered snapshot.</summary>
    public const byte ChunkRequest = 11;

    /// <summary>One chunk of a snapshot file.</summary>
    public const byte ChunkResponse = 12;

    /// <summary>A request for the light block (header, commit, validator sets) at a height.</summary>
    public const byte LightBlockRequest = 13;

    /// <summary>The light block at a height, or none.</summary>
    public const byte LightBlockResponse = 14;

    /// <summary>A personal value with its salt and commitment, beside the chain (docs/personal-data.md).</summary>
    public const byte Disclosure = 15;

    /// <summary>Hashes of transactions the sender holds and received from another peer: ask for those you lack.</summary>
    public const byte TransactionAnnounce = 16;

    /// <summary>Hashes of announced transactions the sender lacks: answered with <see cref="TransactionBatch"/> messages.</summary>
    public const byte TransactionRequest = 17;

    /// <summary>Commitments of standing personal fields whose values the sender lacks: answered with a <see cref="Disclosure"/> message for each one held.</summary>
    public const byte DisclosureRequest = 18;

    /// <summary>Several transactions (<see cref="TransactionsMessage"/>): a relay flush's client transactions, or the answer to a <see cref="TransactionRequest"/>.</summary>
    public const byte TransactionBatch = 19;
}
