using Roundtable.Application.Members;
using Roundtable.Application.State;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Merkle;

namespace Roundtable.Application.Tests.State;

public sealed class DecodedValuesTests
{
    private static readonly byte[] Key = StateKeys.Key(Hash256.Compute([1]));

    [Fact]
    public void The_same_stored_bytes_read_twice_give_the_same_record()
    {
        var map = MapWith(Key, new KeyOwner(Hash256.Compute([2])));
        var decoded = new DecodedValues();

        var first = new StateView(map, decoded).GetShared<KeyOwner>(Key);
        var second = new StateView(map, decoded).GetShared<KeyOwner>(Key);

        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_changed_value_is_decoded_afresh_even_with_equal_bytes_elsewhere()
    {
        var map = MapWith(Key, new KeyOwner(Hash256.Compute([2])));
        var decoded = new DecodedValues();
        var before = new StateView(map, decoded).GetShared<KeyOwner>(Key);

        var write = new StateView(map, decoded);
        write.Put(Key, new KeyOwner(Hash256.Compute([3])));
        write.Commit();

        Assert.Equal(new KeyOwner(Hash256.Compute([2])), before);
        Assert.Equal(new KeyOwner(Hash256.Compute([3])), new StateView(map, decoded).GetShared<KeyOwner>(Key));
    }

    [Fact]
    public void A_write_buffered_in_the_view_is_read_before_the_committed_record()
    {
        var map = MapWith(Key, new KeyOwner(Hash256.Compute([2])));
        var decoded = new DecodedValues();
        var view = new StateView(map, decoded);
        Assert.NotNull(view.GetShared<KeyOwner>(Key));

        view.Put(Key, new KeyOwner(Hash256.Compute([4])));
        Assert.Equal(new KeyOwner(Hash256.Compute([4])), view.GetShared<KeyOwner>(Key));

        view.Delete(Key);
        Assert.Null(view.GetShared<KeyOwner>(Key));
    }

    [Fact]
    public void Past_two_generations_of_other_records_the_first_is_decoded_again()
    {
        var map = new SparseMerkleMap();
        var keys = Enumerable.Range(0, (2 * DecodedValues.GenerationSize) + 1).Select(i => StateKeys.Key(Hash256.Compute(BitConverter.GetBytes(i)))).ToList();
        foreach (var key in keys)
        {
            map.Set(key, Canonical.ToBytes(new KeyOwner(Hash256.Compute(key))));
        }

        var decoded = new DecodedValues();
        var first = new StateView(map, decoded).GetShared<KeyOwner>(keys[0]);
        foreach (var key in keys.Skip(1))
        {
            new StateView(map, decoded).GetShared<KeyOwner>(key);
        }

        var again = new StateView(map, decoded).GetShared<KeyOwner>(keys[0]);
        Assert.Equal(first, again);
        Assert.NotSame(first, again);
    }

    [Fact]
    public void A_record_read_again_from_the_older_generation_is_kept_through_the_next()
    {
        var map = new SparseMerkleMap();
        var keys = Enumerable.Range(0, (2 * DecodedValues.GenerationSize) + 1).Select(i => StateKeys.Key(Hash256.Compute(BitConverter.GetBytes(i)))).ToList();
        foreach (var key in keys)
        {
            map.Set(key, Canonical.ToBytes(new KeyOwner(Hash256.Compute(key))));
        }

        var decoded = new DecodedValues();
        var first = new StateView(map, decoded).GetShared<KeyOwner>(keys[0]);
        foreach (var (key, i) in keys.Skip(1).Select((k, i) => (k, i + 1)))
        {
            // Halfway through the second generation, the first record is read again.
            if (i == DecodedValues.GenerationSize + (DecodedValues.GenerationSize / 2))
            {
                Assert.Same(first, new StateView(map, decoded).GetShared<KeyOwner>(keys[0]));
            }

            new StateView(map, decoded).GetShared<KeyOwner>(key);
        }

        Assert.Same(first, new StateView(map, decoded).GetShared<KeyOwner>(keys[0]));
    }

    private static SparseMerkleMap MapWith(byte[] key, KeyOwner owner)
    {
        var map = new SparseMerkleMap();
        map.Set(key, Canonical.ToBytes(owner));
        return map;
    }
}
