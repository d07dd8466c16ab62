using Roundtable.Node.Peers;

namespace Roundtable.Node.Tests.Peers;

/// <summary>The current height's messages: each kept once, in arrival order, forgotten when the height is decided, bounded.</summary>
public sealed class HeightMessagesTests
{
    [Fact]
    public void A_message_is_kept_once_and_the_same_bytes_under_another_type_are_another_message()
    {
        var messages = new HeightMessages();

        Assert.True(messages.TryAdd(WireType.Vote, [1, 2, 3], 5));
        Assert.False(messages.TryAdd(WireType.Vote, [1, 2, 3], 5));
        Assert.True(messages.TryAdd(WireType.BlockPart, [1, 2, 3], 5));

        Assert.True(messages.Contains(WireType.Vote, [1, 2, 3]));
        Assert.False(messages.Contains(WireType.Vote, [1, 2, 4]));
        messages.TakeDue();
        Assert.Equal([(WireType.Vote, new byte[] { 1, 2, 3 }), (WireType.BlockPart, new byte[] { 1, 2, 3 })], messages.TakeDue());
    }

    [Fact]
    public void A_message_is_due_again_only_once_a_whole_status_interval_has_passed_since_it_was_kept()
    {
        var messages = new HeightMessages();
        messages.TryAdd(WireType.Vote, [1], 5);
        Assert.Empty(messages.TakeDue()); // kept since the last tick: the height may be decided before the next

        messages.TryAdd(WireType.Vote, [2], 5);
        Assert.Equal([(WireType.Vote, new byte[] { 1 })], messages.TakeDue());
        Assert.Equal([(WireType.Vote, new byte[] { 1 }), (WireType.Vote, new byte[] { 2 })], messages.TakeDue());

        messages.TryAdd(WireType.Vote, [3], 6); // a new height: the undecided one's messages are gone
        Assert.Empty(messages.TakeDue());
    }

    [Fact]
    public void A_message_of_a_new_height_drops_those_of_lower_heights_and_they_may_come_again()
    {
        var messages = new HeightMessages();
        messages.TryAdd(WireType.Proposal, [9], 5);
        messages.TryAdd(WireType.Vote, [1], 5);

        Assert.True(messages.TryAdd(WireType.Vote, [2], 6));

        Assert.Equal(1, messages.Count);
        Assert.False(messages.Contains(WireType.Vote, [1]));
        messages.DropBelow(7);
        Assert.Equal(0, messages.Count);
    }

    [Fact]
    public void Past_its_count_or_byte_capacity_a_height_keeps_nothing_more()
    {
        var byCount = new HeightMessages();
        for (var i = 0; i < HeightMessages.Capacity; i++)
        {
            Assert.True(byCount.TryAdd(WireType.Vote, BitConverter.GetBytes(i), 1));
        }

        Assert.False(byCount.TryAdd(WireType.Vote, BitConverter.GetBytes(-1), 1));

        var byBytes = new HeightMessages();
        var part = new byte[64 * 1024];
        var kept = 0;
        for (var i = 0; i < 2_000; i++)
        {
            BitConverter.GetBytes(i).CopyTo(part, 0);
            kept += byBytes.TryAdd(WireType.BlockPart, (byte[])part.Clone(), 1) ? 1 : 0;
        }

        Assert.Equal((int)(HeightMessages.ByteCapacity / part.Length), kept);
    }
}
