using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Node.Peers;
using Roundtable.Node.StateSync;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests.StateSync;

public sealed class StateSyncMessagesTests
{
    private static readonly Hash256 Root = Hash256.Compute([1]);
    private static readonly Hash256 Checksum = Hash256.Compute([2]);

    [Fact]
    public void Every_state_sync_message_round_trips_through_its_wire_type()
    {
        var offer = new SnapshotOfferMessage(40, Root, (3L * SnapshotOfferMessage.ChunkSize) + 5, Checksum);
        Assert.Equal(new SnapshotsRequestMessage(), WireCodec.Decode(WireType.SnapshotsRequest, Canonical.ToBytes(new SnapshotsRequestMessage())));
        Assert.Equal(offer, WireCodec.Decode(WireType.SnapshotOffer, Canonical.ToBytes(offer)));
        Assert.Equal(new ChunkRequestMessage(40, 3), WireCodec.Decode(WireType.ChunkRequest, Canonical.ToBytes(new ChunkRequestMessage(40, 3))));
        var chunk = (ChunkResponseMessage)WireCodec.Decode(WireType.ChunkResponse, Canonical.ToBytes(new ChunkResponseMessage(40, 3, [1, 2, 3, 4, 5])));
        Assert.Equal((40ul, 3), (chunk.Height, chunk.Index));
        Assert.Equal([1, 2, 3, 4, 5], chunk.Bytes);
        Assert.Equal(new LightBlockRequestMessage(41), WireCodec.Decode(WireType.LightBlockRequest, Canonical.ToBytes(new LightBlockRequestMessage(41))));
        Assert.Equal(new LightBlockResponseMessage(41, null), WireCodec.Decode(WireType.LightBlockResponse, Canonical.ToBytes(new LightBlockResponseMessage(41, null))));
    }

    [Fact]
    public void An_offer_splits_its_file_into_full_chunks_and_a_shorter_last_one()
    {
        var offer = new SnapshotOfferMessage(40, Root, (3L * SnapshotOfferMessage.ChunkSize) + 5, Checksum);

        Assert.Equal(4, offer.ChunkCount);
        Assert.Equal(SnapshotOfferMessage.ChunkSize, offer.ChunkLength(2));
        Assert.Equal(5, offer.ChunkLength(3));
    }

    [Fact]
    public void Oversize_and_out_of_range_fields_are_refused_before_anything_is_allocated_for_them()
    {
        var tooBig = Canonical.ToBytes(new SnapshotOfferMessage(40, Root, SnapshotOfferMessage.MaxSize + 1, Checksum));
        var tooSmall = Canonical.ToBytes(new SnapshotOfferMessage(40, Root, SnapshotOfferMessage.MinSize - 1, Checksum));
        var noHeight = Canonical.ToBytes(new SnapshotOfferMessage(0, Root, 100, Checksum));
        var farChunk = Canonical.ToBytes(new ChunkRequestMessage(40, ChunkRequestMessage.MaxIndex + 1));
        var bigChunk = Canonical.ToBytes(new ChunkResponseMessage(40, 0, new byte[SnapshotOfferMessage.ChunkSize + 1]));

        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.SnapshotOffer, tooBig));
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.SnapshotOffer, tooSmall));
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.SnapshotOffer, noHeight));
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.ChunkRequest, farChunk));
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.ChunkResponse, bigChunk));
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.SnapshotsRequest, [0]));
    }

    [Fact]
    public async Task A_light_block_round_trips_and_one_answered_for_another_height_is_refused()
    {
        await using var node = await TestNode.StartAsync();
        await node.WaitForHeightAsync(2);
        var block = node.Chain.ReadLightBlock(1)!;

        var decoded = (LightBlockResponseMessage)WireCodec.Decode(WireType.LightBlockResponse, Canonical.ToBytes(new LightBlockResponseMessage(1, block)));
        Assert.Equal(block.Header.Id, decoded.Block!.Header.Id);
        Assert.Equal(block.ToBytes(), decoded.Block.ToBytes());
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.LightBlockResponse, Canonical.ToBytes(new LightBlockResponseMessage(2, block))));
    }
}
