using Roundtable.Core.Encoding;
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
}
