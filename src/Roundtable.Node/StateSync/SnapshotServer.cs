using Microsoft.Win32.SafeHandles;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Network;
using Roundtable.Node.Peers;
using Roundtable.Node.Runtime;
using Roundtable.Proofs.Building;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Node.StateSync;

/// <summary>
/// Answers joining nodes: which snapshots this node keeps, their chunks straight from the files,
/// and light blocks from the block store. A request it cannot answer (a snapshot pruned since it
/// was offered, a height not stored) gets no answer: the joiner times out and asks elsewhere.
/// </summary>
internal sealed class SnapshotServer(PeerNetwork network, ChainState chain)
{
    // Offsets in the snapshot file format (docs/storage.md): the root after the 16-byte file header and the height.
    private const int RootOffset = 24;

    /// <summary>Answers <paramref name="message"/> if it is a state-sync request; false when it is something else.</summary>
    public bool TryAnswer(Hash256 peer, object message)
    {
        switch (message)
        {
            case SnapshotsRequestMessage:
                foreach (var offer in Offers())
                {
                    network.Send(peer, WireType.SnapshotOffer, Canonical.ToBytes(offer));
                }

                return true;
            case ChunkRequestMessage request:
                if (ReadChunk(request) is { } bytes)
                {
                    network.Send(peer, WireType.ChunkResponse, Canonical.ToBytes(new ChunkResponseMessage(request.Height, request.Index, bytes)));
                }

                return true;
            case LightBlockRequestMessage request:
                network.Send(peer, WireType.LightBlockResponse, Canonical.ToBytes(new LightBlockResponseMessage(request.Height, ReadLightBlock(request.Height))));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The snapshots kept here, newest first, whose state a stored header already commits to
    /// (header H + 1 carries the root after block H), so a joiner can verify them.
    /// </summary>
    private List<SnapshotOfferMessage> Offers()
    {
        var offers = new List<SnapshotOfferMessage>();
        var height = chain.Height;
        foreach (var h in chain.Snapshots.ListHeights().Where(h => h < height).Reverse())
        {
            try
            {
                using var file = File.OpenHandle(chain.Snapshots.PathOf(h));
                var length = RandomAccess.GetLength(file);
                if (length is >= SnapshotOfferMessage.MinSize and <= SnapshotOfferMessage.MaxSize)
                {
                    offers.Add(new SnapshotOfferMessage(h, ReadHash(file, RootOffset), length, ReadHash(file, length - Hash256.Size)));
                }
            }
            catch (IOException)
            {
                // Pruned since it was listed.
            }
        }

        return offers;
    }

    private byte[]? ReadChunk(ChunkRequestMessage request)
    {
        try
        {
            using var file = File.OpenHandle(chain.Snapshots.PathOf(request.Height));
            var offset = (long)request.Index * SnapshotOfferMessage.ChunkSize;
            var length = RandomAccess.GetLength(file);
            if (offset >= length)
            {
                return null;
            }

            var bytes = new byte[Math.Min(SnapshotOfferMessage.ChunkSize, length - offset)];
            return RandomAccess.Read(file, bytes, offset) == bytes.Length ? bytes : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private LightBlock? ReadLightBlock(ulong height)
    {
        try
        {
            return height <= chain.Height ? chain.ReadLightBlock(height) : null;
        }
        catch (ProofUnavailableException)
        {
            return null;
        }
    }

    private static Hash256 ReadHash(SafeFileHandle file, long offset)
    {
        var bytes = new byte[Hash256.Size];
        return RandomAccess.Read(file, bytes, offset) == bytes.Length ? Hash256.FromBytes(bytes) : throw new IOException("The snapshot file ended early.");
    }
}
