using Roundtable.Application.Tests.Support;
using Roundtable.Application.Validators;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Tests.Validators;

public sealed class EquivocationSuspensionTests
{
    private static PrivateKey ValidatorKey(string group) => TestKeys.Get("validator/" + group);

    private static DuplicateVoteEvidence DoubleSign(PrivateKey validator, ulong height)
    {
        Vote Sign(string block) => Vote.Sign(TestChain.Id, VoteType.Prevote, height, 0, Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(block)), TestChain.GenesisTimeMs, validator.PublicKey, m => validator.Sign(m));
        return new DuplicateVoteEvidence(Sign("a"), Sign("b"));
    }

    private static void ExecuteWithEvidence(TestChain chain, params DuplicateVoteEvidence[] evidence) =>
        chain.App.ExecuteBlock(TestChain.Header(chain.App.Height + 1, chain.NextTimeMs), [], null, evidence);

    [Fact]
    public void A_double_signer_leaves_the_set_two_heights_after_the_block_that_records_it()
    {
        var chain = new TestChain();
        chain.Execute();
        var offender = ValidatorKey("technical");
        ExecuteWithEvidence(chain, DoubleSign(offender, 1));

        // Block 3 is still decided by the old set; the set recorded for block 4 leaves it out.
        Assert.NotNull(chain.App.Validators.Set.Find(offender.PublicKey));
        Assert.Null(chain.App.NextValidators.Set.Find(offender.PublicKey));
        Assert.Equal(4ul, chain.App.NextValidators.EffectiveHeight);
        Assert.All(chain.App.NextValidators.Set.Validators, v => Assert.Equal(StakeholderPower.PerGroup, v.Power));

        var (validator, record) = Assert.Single(chain.App.ListSuspensions());
        Assert.Equal(offender.PublicKey.Id, validator);
        Assert.Equal(new SuspensionRecord("Validator technical", "technical", 2, 4, true, "Suspended by rule for signing two conflicting votes."), record);
        Assert.Single(chain.App.EvidenceAgainst(offender.PublicKey.Id));

        chain.Execute();
        chain.Execute();
        Assert.Null(chain.App.Validators.Set.Find(offender.PublicKey));
    }

    [Fact]
    public void The_groups_share_of_power_is_kept_by_its_other_validators()
    {
        var chain = new TestChain();
        var second = TestKeys.Get("validator/technical/2");
        chain.App.ScheduleValidatorSet([.. chain.App.Validators.Set.Validators, new Validator(second.PublicKey, "Second technical validator", "technical", 1)]);
        chain.Execute();
        chain.Execute();
        chain.Execute();
        Assert.Equal(StakeholderPower.PerGroup / 2, chain.App.Validators.Set.Find(second.PublicKey)!.Power);

        ExecuteWithEvidence(chain, DoubleSign(ValidatorKey("technical"), 2));

        var next = chain.App.NextValidators.Set;
        Assert.Equal(StakeholderPower.PerGroup, next.Find(second.PublicKey)!.Power);
        Assert.Equal(5, next.Validators.Count);
        Assert.Equal(5 * StakeholderPower.PerGroup, next.TotalPower);
    }

    [Fact]
    public void A_lone_validator_whose_removal_would_break_the_group_bounds_keeps_its_power_and_awaits_replacement()
    {
        var chain = new TestChain(minValidatorGroups: 4);
        chain.Execute();
        ExecuteWithEvidence(chain, DoubleSign(ValidatorKey("technical"), 1));
        var before = chain.App.NextValidators.Set.Hash;

        // Four groups are left, the least the parameters allow: a second offender cannot be dropped.
        var second = ValidatorKey("government");
        ExecuteWithEvidence(chain, DoubleSign(second, 2));

        Assert.Equal(before, chain.App.NextValidators.Set.Hash);
        Assert.NotNull(chain.App.NextValidators.Set.Find(second.PublicKey));
        var record = chain.App.ListSuspensions().Single(s => s.Validator == second.PublicKey.Id).Record;
        Assert.False(record.Applied);
        Assert.Contains("until a validator-change proposal replaces it", record.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_recorded_twice_or_against_a_validator_already_gone_changes_no_set()
    {
        var chain = new TestChain();
        chain.Execute();
        var evidence = DoubleSign(ValidatorKey("technical"), 1);
        ExecuteWithEvidence(chain, evidence);
        chain.Execute();
        chain.Execute();
        var set = chain.App.NextValidators.Set.Hash;

        ExecuteWithEvidence(chain, DoubleSign(ValidatorKey("technical"), 3));

        Assert.Equal(set, chain.App.NextValidators.Set.Hash);
        Assert.Equal(2, chain.App.EvidenceAgainst(ValidatorKey("technical").PublicKey.Id).Count);
    }

    [Fact]
    public void Two_applications_given_the_same_evidence_reach_the_same_state_root()
    {
        var one = new TestChain();
        var two = new TestChain();
        DuplicateVoteEvidence[] evidence = [DoubleSign(ValidatorKey("technical"), 1), DoubleSign(ValidatorKey("government"), 1)];
        foreach (var chain in new[] { one, two })
        {
            chain.Execute();
            ExecuteWithEvidence(chain, evidence);
        }

        Assert.Equal(one.App.StateRoot, two.App.StateRoot);
        Assert.Equal(2, one.App.ListSuspensions().Count);
    }
}
