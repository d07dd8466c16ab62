using Roundtable.Core.Encoding;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Transactions;
using Roundtable.Node.StateSync;

namespace Roundtable.Node.Peers;

/// <summary>
/// Decodes one peer message by its <see cref="WireType"/>: the single place where bytes from a peer
/// become values, shared by the gossip layer, the fuzzer and its regression tests.
/// </summary>
public static class WireCodec
{
    /// <summary>The decoded message: a <see cref="Transaction"/>, <see cref="Vote"/>, <see cref="ProposalMessage"/>,
    /// <see cref="BlockPartMessage"/>, <see cref="DuplicateVoteEvidence"/>, <see cref="StatusMessage"/>,
    /// <see cref="BlockRequestMessage"/>, <see cref="BlockResponseMessage"/>, or one of the state-sync
    /// messages (<see cref="SnapshotsRequestMessage"/>, <see cref="SnapshotOfferMessage"/>, <see cref="ChunkRequestMessage"/>,
    /// <see cref="ChunkResponseMessage"/>, <see cref="LightBlockRequestMessage"/>, <see cref="LightBlockResponseMessage"/>),
    /// a <see cref="DisclosureMessage"/>, a <see cref="HashesMessage"/> (a transaction announcement or request, or a disclosure request),
    /// or a <see cref="TransactionsMessage"/>.</summary>
    /// <exception cref="DecodeException">The payload does not decode canonically, or the type is unknown.</exception>
    public static object Decode(byte type, ReadOnlySpan<byte> payload) => type switch
    {
        WireType.Transaction => Transaction.Decode(payload),
        WireType.Proposal => Canonical.FromBytes<ProposalMessage>(payload),
        WireType.BlockPart => Canonical.FromBytes<BlockPartMessage>(payload),
        WireType.Vote => Canonical.FromBytes<Vote>(payload),
        WireType.Evidence => Canonical.FromBytes<DuplicateVoteEvidence>(payload),
        WireType.Status => Canonical.FromBytes<StatusMessage>(payload),
        WireType.BlockRequest => Canonical.FromBytes<BlockRequestMessage>(payload),
        WireType.BlockResponse => Canonical.FromBytes<BlockResponseMessage>(payload),
        WireType.SnapshotsRequest => Canonical.FromBytes<SnapshotsRequestMessage>(payload),
        WireType.SnapshotOffer => Canonical.FromBytes<SnapshotOfferMessage>(payload),
        WireType.ChunkRequest => Canonical.FromBytes<ChunkRequestMessage>(payload),
        WireType.ChunkResponse => Canonical.FromBytes<ChunkResponseMessage>(payload),
        WireType.LightBlockRequest => Canonical.FromBytes<LightBlockRequestMessage>(payload),
        WireType.LightBlockResponse => Canonical.FromBytes<LightBlockResponseMessage>(payload),
        WireType.Disclosure => Canonical.FromBytes<DisclosureMessage>(payload),
        WireType.TransactionAnnounce or WireType.TransactionRequest or WireType.DisclosureRequest => Canonical.FromBytes<HashesMessage>(payload),
        WireType.TransactionBatch => TransactionsMessage.Decode(payload),
        _ => throw new DecodeException(DecodeError.UnknownType, $"Unknown peer message type {type}."),
    };
}
