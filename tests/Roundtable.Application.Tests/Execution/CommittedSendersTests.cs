using Roundtable.Application.Execution;
using Roundtable.Application.Tests.Support;
using Roundtable.Merkle;

namespace Roundtable.Application.Tests.Execution;

public sealed class CommittedSendersTests
{
    [Fact]
    public void A_sender_is_read_once_per_state_version_and_again_after_any_change()
    {
        var map = new SparseMerkleMap();
        var reads = 0;
        var senders = new CommittedSenders(_ => new SenderAccount(null, (ulong)++reads, null));
        var key = TestKeys.Get("sender").PublicKey;

        Assert.Equal(1UL, senders.Describe(map, key).NextSequence);
        Assert.Equal(1UL, senders.Describe(map, key).NextSequence);

        map.Set([1], [1]);
        Assert.Equal(2UL, senders.Describe(map, key).NextSequence);
        Assert.True(map.Remove([1]));
        Assert.Equal(3UL, senders.Describe(map, key).NextSequence);
        Assert.Equal(3, reads);
    }

    [Fact]
    public void Past_its_capacity_a_sender_is_read_afresh_on_every_call()
    {
        var map = new SparseMerkleMap();
        var reads = 0;
        var senders = new CommittedSenders(_ => new SenderAccount(null, (ulong)++reads, null), capacity: 1);
        var kept = TestKeys.Get("kept").PublicKey;
        var overflow = TestKeys.Get("overflow").PublicKey;

        senders.Describe(map, kept);
        senders.Describe(map, overflow);
        senders.Describe(map, overflow);
        senders.Describe(map, kept);

        Assert.Equal(3, reads);
    }
}
