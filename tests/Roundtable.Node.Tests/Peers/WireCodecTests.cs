using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Node.Peers;

namespace Roundtable.Node.Tests.Peers;

public sealed class WireCodecTests
{
    [Fact]
    public void Status_round_trips_through_its_wire_type()
    {
        var decoded = WireCodec.Decode(WireType.Status, Canonical.ToBytes(new StatusMessage(42)));

        Assert.Equal(new StatusMessage(42), decoded);
    }

    [Fact]
    public void Unknown_wire_type_is_a_typed_decode_error()
    {
        var e = Assert.Throws<DecodeException>(() => WireCodec.Decode(200, [0x01]));

        Assert.Equal(DecodeError.UnknownType, e.Error);
    }

    [Fact]
    public void Trailing_bytes_after_a_message_are_refused()
    {
        byte[] payload = [.. Canonical.ToBytes(new BlockRequestMessage(7)), 0x00];

        var e = Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.BlockRequest, payload));

        Assert.Equal(DecodeError.TrailingBytes, e.Error);
    }

    [Fact]
    public void A_payload_decoded_as_another_type_is_refused_not_misread()
    {
        // A status message's bytes are a single varint: far too short to be a vote.
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.Vote, Canonical.ToBytes(new StatusMessage(42))));
    }

    [Fact]
    public void Hash_lists_round_trip_as_announcement_and_requests_within_their_bounds()
    {
        var hashes = Enumerable.Range(0, HashesMessage.MaxHashes).Select(i => Hash256.Compute(BitConverter.GetBytes(i))).ToArray();
        var payload = Canonical.ToBytes(new HashesMessage(hashes));

        Assert.Equal(hashes, ((HashesMessage)WireCodec.Decode(WireType.TransactionAnnounce, payload)).Hashes);
        Assert.Equal(hashes, ((HashesMessage)WireCodec.Decode(WireType.TransactionRequest, payload)).Hashes);
        Assert.Equal(hashes, ((HashesMessage)WireCodec.Decode(WireType.DisclosureRequest, payload)).Hashes);

        // One hash too many, or none, is refused before anything is allocated for it.
        var writer = new CanonicalWriter();
        writer.WriteVarUInt(HashesMessage.MaxHashes + 1);
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.TransactionAnnounce, writer.ToArray()));
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.TransactionRequest, [0x00]));
        Assert.Throws<DecodeException>(() => WireCodec.Decode(WireType.DisclosureRequest, [0x00]));
        Assert.Throws<ArgumentException>(() => new HashesMessage([]));
    }

    [Fact]
    public void Many_hashes_are_split_into_messages_of_at_most_the_bound()
    {
        var hashes = Enumerable.Range(0, (2 * HashesMessage.MaxHashes) + 1).Select(i => Hash256.Compute(BitConverter.GetBytes(i))).ToArray();

        var messages = HashesMessage.Chunk(hashes).ToList();

        Assert.Equal([HashesMessage.MaxHashes, HashesMessage.MaxHashes, 1], messages.Select(m => m.Hashes.Count));
        Assert.Equal(hashes, messages.SelectMany(m => m.Hashes));
    }
}
