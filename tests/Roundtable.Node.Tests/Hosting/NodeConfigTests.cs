using System.Text.Json;
using Roundtable.Core.Hashing;
using Roundtable.Node.Hosting;
using Roundtable.Node.StateSync;

namespace Roundtable.Node.Tests.Hosting;

public sealed class NodeConfigTests
{
    private static readonly Hash256 SomeBlock = Hash256.Compute("block 15"u8);

    [Fact]
    public void A_trusted_header_for_state_sync_is_read_from_node_json()
    {
        var json = $$"""{ "stateSync": true, "stateSyncTrustHeight": 15, "stateSyncTrustHash": "{{SomeBlock}}" }""";
        var config = JsonSerializer.Deserialize<NodeConfig>(json, NodeJson.Files)!;

        Assert.Equal(new TrustedHeader(15, SomeBlock), config.StateSyncTrust());
        Assert.Null(new NodeConfig().StateSyncTrust());
    }

    [Theory]
    [InlineData(15UL, null)]
    [InlineData(0UL, "00000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData(15UL, "not a block id")]
    public void A_trusted_header_given_by_halves_or_with_a_malformed_id_stops_the_node_naming_both_settings(ulong height, string? hash)
    {
        var config = new NodeConfig { StateSyncTrustHeight = height, StateSyncTrustHash = hash };

        var e = Assert.Throws<InvalidDataException>(() => config.StateSyncTrust());
        Assert.Contains("stateSyncTrustHeight", e.Message, StringComparison.Ordinal);
        Assert.Contains("stateSyncTrustHash", e.Message, StringComparison.Ordinal);
    }
}
