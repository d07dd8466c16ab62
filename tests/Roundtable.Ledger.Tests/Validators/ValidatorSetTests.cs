using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Tests.Support;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Tests;

public sealed class ValidatorSetTests
{
    [Fact]
    public void Validators_are_sorted_by_key_whatever_the_input_order()
    {
        var validators = Enumerable.Range(0, 12).Select(i => Validator(i)).ToArray();
        new Random(3).Shuffle(validators);

        var set = new ValidatorSet(validators);

        var keys = set.Validators.Select(v => v.Key).ToList();
        Assert.Equal(keys.Order(), keys);
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(i, set.IndexOf(keys[i]));
            Assert.Same(set.Validators[i], set.Find(keys[i]));
        }

        Assert.Equal(-1, set.IndexOf(LedgerSamples.Key(200).PublicKey));
        Assert.Null(set.Find(LedgerSamples.Key(200).PublicKey));
    }

    [Fact]
    public void A_key_listed_twice_is_refused_even_with_other_details()
    {
        var duplicate = Validator(1) with { Name = "another name", StakeholderGroup = "other", Power = 99 };

        Assert.Throws<ArgumentException>(() => new ValidatorSet([Validator(0), Validator(1), duplicate]));
    }

    [Fact]
    public void Empty_oversized_and_powerless_sets_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ValidatorSet([]));
        Assert.Throws<ArgumentException>(() => new ValidatorSet(Enumerable.Range(0, ValidatorSet.MaxValidators + 1).Select(i => Validator(i % LedgerSamples.KeyCount) with { Name = $"v{i}" })));
        Assert.Throws<ArgumentException>(() => new ValidatorSet([Validator(0), Validator(1) with { Power = 0 }]));
    }

    [Fact]
    public void The_hash_is_SHA_256_of_the_encoding_and_independent_of_input_order()
    {
        var validators = Enumerable.Range(0, 9).Select(i => Validator(i)).ToArray();
        var set = new ValidatorSet(validators);
        var writer = new CanonicalWriter();
        set.Encode(writer);

        Assert.Equal(Hash256.Compute(writer.WrittenSpan), set.Hash);
        Assert.Equal(set.Hash, new ValidatorSet(validators.Reverse()).Hash);
        Assert.Equal(set.Hash, Refused.DecodeValidatorSet(writer.ToArray()).Hash);
        Assert.Equal(set.Hash, new ValidatorSet(validators).Hash);
    }

    [Fact]
    public void A_validator_without_a_name_does_not_decode()
    {
        var writer = new CanonicalWriter();
        new ValidatorSet([Validator(0) with { Name = string.Empty }]).Encode(writer);

        Assert.Equal(DecodeError.InvalidValue, Refused.ValidatorSet(writer.ToArray()));
    }

    [Fact]
    public void Any_change_of_name_group_power_or_membership_changes_the_hash()
    {
        var validators = Enumerable.Range(0, 5).Select(i => Validator(i)).ToArray();
        var hash = new ValidatorSet(validators).Hash;

        Hash256 With(Func<Validator, Validator> change) => new ValidatorSet(validators.Select((v, i) => i == 2 ? change(v) : v)).Hash;

        Assert.NotEqual(hash, With(v => v with { Name = v.Name + "!" }));
        Assert.NotEqual(hash, With(v => v with { StakeholderGroup = "other" }));
        Assert.NotEqual(hash, With(v => v with { Power = v.Power + 1 }));
        Assert.NotEqual(hash, With(v => v with { Key = LedgerSamples.Key(100).PublicKey }));
        Assert.NotEqual(hash, new ValidatorSet(validators.Take(4)).Hash);
    }

    [Fact]
    public void Quorum_is_strictly_more_than_two_thirds()
    {
        var set = new ValidatorSet(Enumerable.Range(0, 3).Select(i => Validator(i) with { Power = 1 }));

        Assert.False(set.IsQuorum(2));
        Assert.True(set.IsQuorum(3));
    }

    [Fact]
    public void Power_that_overflows_64_bits_is_refused_by_the_constructor_and_the_decoder()
    {
        Validator[] validators = [Validator(0) with { Power = ulong.MaxValue }, Validator(1) with { Power = 1 }];
        var writer = new CanonicalWriter();
        writer.WriteList(validators.OrderBy(v => v.Key).ToArray(), static (w, v) => v.Encode(w));

        Assert.Throws<ArgumentException>(() => new ValidatorSet(validators));
        Assert.Equal(Core.Encoding.DecodeError.InvalidValue, Refused.ValidatorSet(writer.ToArray()));
    }

    private static Validator Validator(int key) => new(LedgerSamples.Key(key).PublicKey, $"validator {key}", "group", 10);
}
