using Roundtable.Application.Tests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Application.Tests.Validators;

/// <summary>The validator sets are read by every consensus message: decoded once per change, never stale.</summary>
public sealed class ValidatorSetReadsTests
{
    [Fact]
    public void The_sets_are_decoded_once_while_unchanged_and_read_anew_when_a_block_changes_them()
    {
        var chain = new TestChain();
        chain.Execute();
        Assert.Same(chain.App.Validators, chain.App.Validators);
        Assert.Same(chain.App.Parameters, chain.App.Parameters);

        var offender = TestKeys.Get("validator/technical");
        Vote Sign(string block) => Vote.Sign(TestChain.Id, VoteType.Prevote, 1, 0, Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(block)), TestChain.GenesisTimeMs, offender.PublicKey, m => offender.Sign(m));
        var before = chain.App.NextValidators;
        chain.App.ExecuteBlock(TestChain.Header(chain.App.Height + 1, chain.NextTimeMs), [], null, [new DuplicateVoteEvidence(Sign("a"), Sign("b"))]);

        Assert.NotNull(before.Set.Find(offender.PublicKey));
        Assert.Null(chain.App.NextValidators.Set.Find(offender.PublicKey));
    }

    [Fact]
    public void Evidence_keeps_the_hash_of_its_encoding_and_equal_evidence_is_equal()
    {
        var offender = TestKeys.Get("validator/civil-society");
        Vote Sign(string block) => Vote.Sign(TestChain.Id, VoteType.Precommit, 3, 1, Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(block)), TestChain.GenesisTimeMs, offender.PublicKey, m => offender.Sign(m));
        var (a, b) = (Sign("a"), Sign("b"));

        var evidence = new DuplicateVoteEvidence(a, b);

        Assert.Equal(Hash256.Compute(Core.Encoding.Canonical.ToBytes(evidence)), evidence.Hash);
        Assert.Equal(evidence, new DuplicateVoteEvidence(b, a));
        Assert.Equal(evidence, Core.Encoding.Canonical.FromBytes<DuplicateVoteEvidence>(Core.Encoding.Canonical.ToBytes(evidence)));
    }
}
