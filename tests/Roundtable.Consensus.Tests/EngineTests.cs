using Roundtable.Consensus.Tests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;

namespace Roundtable.Consensus.Tests;

/// <summary>
/// The engine on hand-crafted message sequences. Four validators of equal power unless said
/// otherwise; the engine under test is the proposer of round 3 at height 1, so it only watches
/// rounds 0–2 (with equal power the proposer rotates through all four in rounds 0–3).
/// </summary>
public sealed class EngineTests
{
    private static readonly TestValidators Four = new(4);

    private static int Self => Four.ProposerOf(1, 3);

    private static int[] Others => [.. Enumerable.Range(0, 4).Where(i => i != Self)];

    [Fact]
    public void A_lone_validator_s_votes_at_start_carry_the_shell_s_clock_not_the_last_block_time()
    {
        var one = new TestValidators(1);
        var engine = new EngineUnderTest(one, 0) { NowMs = TestValidators.GenesisTimeMs + 300_000 };

        engine.Start();

        // It proposes, prevotes and precommits within Start; the next block's time is its precommit's.
        Assert.Equal([VoteType.Prevote, VoteType.Precommit], engine.SentVotes.Select(v => v.Type));
        Assert.All(engine.SentVotes, v => Assert.Equal(TestValidators.GenesisTimeMs + 300_000, v.TimestampMs));
    }

    [Fact]
    public void Proposer_schedule_is_weighted_round_robin()
    {
        ulong[] powers = [1, 2, 3, 4];
        var set = new ValidatorSet(Enumerable.Range(0, 4).Select(i => new Validator(Four.Keys[i].Key, $"v{i}", "g", powers[i])));
        var schedule = new ProposerSchedule(set);
        var counts = new Dictionary<Validator, int>();
        for (ulong step = 1; step <= 1_000; step++)
        {
            var proposer = schedule.ProposerAt(step);
            counts[proposer] = counts.GetValueOrDefault(proposer) + 1;
            foreach (var v in set.Validators)
            {
                // Never further than one turn from its exact share, at every point.
                var expected = (double)step * v.Power / set.TotalPower;
                Assert.InRange(counts.GetValueOrDefault(v), expected - 1, expected + 1);
            }
        }

        Assert.All(set.Validators, v => Assert.Equal((int)(100 * v.Power), counts[v]));
    }

    [Fact]
    public void Proposer_schedule_gives_every_stakeholder_group_the_same_share()
    {
        // Groups of 1, 2, 3 and 1 validators: each group holds a quarter of the power, so it proposes a quarter of the blocks.
        string[] groups = ["a", "b", "b", "c", "c", "c", "d"];
        var set = new ValidatorSet(StakeholderPower.Assign(groups.Select((g, i) => new Validator(new TestValidators(7, prefix: "groups").Keys[i].Key, $"v{i}", g, 1))));
        var schedule = new ProposerSchedule(set);
        var perGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (ulong step = 1; step <= 2_400; step++)
        {
            var group = schedule.ProposerAt(step).StakeholderGroup;
            perGroup[group] = perGroup.GetValueOrDefault(group) + 1;
        }

        Assert.All(perGroup.Values, count => Assert.Equal(600, count));
    }

    [Fact]
    public void Proposers_rotate_with_height_and_round()
    {
        // Step = height + round (set effective from height 1): round r of height h has the proposer of round 0 at h + r.
        var proposers = Enumerable.Range(1, 4).Select(h => Four.ProposerOf((ulong)h, 0)).ToList();
        Assert.Equal(4, proposers.Distinct().Count());
        Assert.Equal(Four.ProposerOf(3, 0), Four.ProposerOf(1, 2));
    }

    [Fact]
    public void A_single_validator_commits_every_height_in_round_zero()
    {
        var one = new TestValidators(1, prefix: "single");
        var engine = new EngineUnderTest(one, 0);
        engine.Start();
        for (ulong height = 1; height <= 6; height++)
        {
            var commit = Assert.Single(engine.Last.OfType<CommitBlock>());
            Assert.Equal(height, commit.Block.Header.Height);
            Assert.Equal(0u, commit.Commit.Round);
            Assert.Null(commit.Commit.Verify(TestValidators.ChainId, one.Set));
            if (height > 1)
            {
                Assert.Equal(engine.App.Committed[(int)height - 2].Block.Id, commit.Block.Header.PreviousBlockId);
                Assert.Equal(engine.App.Committed[(int)height - 2].Block.Id, commit.Block.Header.LastCommit!.BlockId);
            }

            // The commit pause ends: the next height starts, and a lone validator decides it at once.
            engine.Timeout(TimeoutStep.Commit, 0);
        }

        Assert.Equal(7ul, engine.App.Height);
    }

    [Fact]
    public void Four_validators_on_a_healthy_network_commit_the_same_blocks_in_round_zero()
    {
        var cluster = new Cluster(4);
        cluster.RunUntil(8);
        var reference = cluster.Nodes[0].App.Committed;
        Assert.True(reference.Count >= 8);
        foreach (var node in cluster.Nodes)
        {
            for (var h = 0; h < 8; h++)
            {
                Assert.Equal(reference[h].Block.Id, node.App.Committed[h].Block.Id);
                Assert.Equal(0u, node.App.Committed[h].Commit.Round);
                Assert.Null(node.App.Committed[h].Commit.Verify(TestValidators.ChainId, cluster.Validators.Set));
            }
        }

        // Equal power: in eight heights every validator proposed twice.
        var proposers = reference.Take(8).GroupBy(c => c.Block.Header.Proposer).Select(g => g.Count()).ToList();
        Assert.Equal([2, 2, 2, 2], proposers);
    }

    [Fact]
    public void A_validator_locked_in_an_earlier_round_prevotes_nil_for_another_block()
    {
        var engine = LockedOnBInRoundZero(out var b);

        engine.Timeout(TimeoutStep.Precommit, 0);
        Assert.Equal(1u, engine.Engine.Round);
        var other = engine.BlockFor(1, "B'");
        engine.Propose(1, -1, other); // line 22: a fresh proposal; we are locked on B
        Assert.True(engine.SentVote(VoteType.Prevote, 1)!.IsNil);
        Assert.Equal(0, engine.Engine.LockedRound);

        // Re-proposing the locked block itself is fine.
        Assert.NotEqual(b.Id, other.Id);
    }

    [Fact]
    public void A_newer_proof_of_lock_moves_the_lock()
    {
        var engine = LockedOnBInRoundZero(out _);
        engine.Timeout(TimeoutStep.Precommit, 0);
        var other = engine.BlockFor(1, "B'");
        engine.Propose(1, -1, other);
        Assert.True(engine.SentVote(VoteType.Prevote, 1)!.IsNil);

        // Everyone else prevotes B' in round 1: +2/3 for the round's proposal (line 36) — lock on it and precommit it.
        foreach (var o in Others)
        {
            engine.VoteFrom(o, VoteType.Prevote, 1, other.Id);
        }

        Assert.Equal(other.Id, engine.SentVote(VoteType.Precommit, 1)!.BlockId);
        Assert.Equal(1, engine.Engine.LockedRound);
    }

    [Fact]
    public void A_re_proposal_with_a_later_proof_of_lock_unlocks_but_only_once_the_proof_is_seen()
    {
        var engine = LockedOnBInRoundZero(out _);
        engine.Timeout(TimeoutStep.Precommit, 0);

        // Round 1: no proposal reaches us; the others prevote B' (we see only the votes).
        var other = engine.BlockFor(1, "B'");
        engine.Timeout(TimeoutStep.Propose, 1);
        engine.Timeout(TimeoutStep.Prevote, 1);
        engine.Timeout(TimeoutStep.Precommit, 1);
        Assert.Equal(2u, engine.Engine.Round);

        // Round 2 re-proposes B' claiming a proof of lock in round 1 that we have not seen: wait (line 28 needs it).
        engine.Propose(2, 1, other);
        Assert.Null(engine.SentVote(VoteType.Prevote, 2));

        // The proof arrives: lockedRound 0 ≤ validRound 1, so we prevote B' although locked on B (line 29).
        foreach (var o in Others)
        {
            engine.VoteFrom(o, VoteType.Prevote, 1, other.Id);
        }

        Assert.Equal(other.Id, engine.SentVote(VoteType.Prevote, 2)!.BlockId);
    }

    [Fact]
    public void A_proof_of_lock_that_never_comes_ends_in_a_nil_prevote_at_the_timeout()
    {
        var engine = new EngineUnderTest(Four, Self);
        engine.Start();
        engine.Timeout(TimeoutStep.Precommit, 0);
        engine.Propose(1, 0, engine.BlockFor(1, "claims a lock"));
        Assert.Null(engine.SentVote(VoteType.Prevote, 1));
        engine.Timeout(TimeoutStep.Propose, 1);
        Assert.True(engine.SentVote(VoteType.Prevote, 1)!.IsNil);
    }

    [Fact]
    public void With_locking_disabled_the_same_sequence_prevotes_the_other_block()
    {
        // The ablation the simulator's self-test relies on: it must really change the rule.
        var engine = LockedOnBInRoundZero(out _, lockingDisabled: true);
        Assert.Equal(-1, engine.Engine.LockedRound);
        engine.Timeout(TimeoutStep.Precommit, 0);
        var other = engine.BlockFor(1, "B'");
        engine.Propose(1, -1, other);
        Assert.Equal(other.Id, engine.SentVote(VoteType.Prevote, 1)!.BlockId);
    }

    [Fact]
    public void A_locked_proposer_re_proposes_its_valid_block_with_its_round()
    {
        var engine = LockedOnBInRoundZero(out var b);
        engine.Timeout(TimeoutStep.Precommit, 0);
        engine.Timeout(TimeoutStep.Precommit, 1);
        engine.Timeout(TimeoutStep.Precommit, 2);
        Assert.Equal(3u, engine.Engine.Round);
        var proposal = Assert.Single(engine.Last.OfType<BroadcastProposal>());
        Assert.Equal(b.Id, proposal.Proposal.BlockId);
        Assert.Equal(0, proposal.Proposal.PolRound);
    }

    [Fact]
    public void An_invalid_proposal_gets_a_nil_prevote()
    {
        var engine = new EngineUnderTest(Four, Self);
        engine.Start();
        var bad = engine.BlockFor(0, "bad");
        engine.App.Invalid.Add(bad.Id);
        engine.Propose(0, -1, bad);
        Assert.True(engine.SentVote(VoteType.Prevote, 0)!.IsNil);
    }

    [Fact]
    public void Stale_rounds_and_heights_are_ignored()
    {
        var engine = new EngineUnderTest(Four, Self);
        engine.Start();
        engine.Timeout(TimeoutStep.Precommit, 0);
        engine.Timeout(TimeoutStep.Precommit, 1);
        Assert.Equal(2u, engine.Engine.Round);
        var sentBefore = engine.SentVotes.Count();

        // Timeouts of earlier rounds do nothing.
        Assert.Empty(engine.Timeout(TimeoutStep.Propose, 0));
        Assert.Empty(engine.Timeout(TimeoutStep.Prevote, 1));
        Assert.Empty(engine.Timeout(TimeoutStep.Precommit, 1));

        // A proposal and a prevote quorum for round 0 do not make us vote in round 2.
        var old = engine.BlockFor(0, "old");
        engine.Propose(0, -1, old);
        foreach (var o in Others)
        {
            engine.VoteFrom(o, VoteType.Prevote, 0, old.Id);
        }

        // Nor do messages of another height (a past one, or one we have not reached).
        engine.VoteFrom(Others[0], VoteType.Prevote, 2, Hash256.Zero, height: 0);
        engine.VoteFrom(Others[0], VoteType.Precommit, 0, Hash256.Zero, height: 3);
        Assert.Equal(sentBefore, engine.SentVotes.Count());
        Assert.Equal(2u, engine.Engine.Round);
        Assert.Equal(ConsensusStep.Propose, engine.Engine.Step);
    }

    [Fact]
    public void Messages_from_more_than_a_third_of_the_power_in_a_later_round_skip_to_it()
    {
        var engine = new EngineUnderTest(Four, Self);
        engine.Start();
        engine.VoteFrom(Others[0], VoteType.Prevote, 5, Hash256.Zero);
        Assert.Equal(0u, engine.Engine.Round); // a quarter of the power is not f + 1

        engine.VoteFrom(Others[1], VoteType.Precommit, 5, Hash256.Zero); // half of the power: line 55
        Assert.Equal(5u, engine.Engine.Round);
        Assert.Contains(engine.Last.OfType<ScheduleTimeout>(), t => t.Round == 5 && t.Step == TimeoutStep.Propose);
    }

    [Fact]
    public void Weighted_senders_decide_the_skip_not_their_number()
    {
        // One validator holding 40% of the power is more than a third on its own.
        var weighted = new TestValidators(4, powers: [4, 2, 2, 2], prefix: "weighted");
        var self = Enumerable.Range(0, 4).First(i => i != 0);
        var engine = new EngineUnderTest(weighted, self);
        engine.Start();
        engine.VoteFrom(0, VoteType.Prevote, 2, Hash256.Zero);
        Assert.Equal(2u, engine.Engine.Round);
    }

    [Fact]
    public void Equivocation_is_reported_once_as_verifiable_evidence()
    {
        var engine = new EngineUnderTest(Four, Self);
        engine.Start();
        var a = engine.BlockFor(0, "a");
        var cheat = Others[0];
        engine.VoteFrom(cheat, VoteType.Prevote, 0, a.Id);
        engine.VoteFrom(cheat, VoteType.Prevote, 0, Hash256.Zero);
        var evidence = Assert.Single(engine.Last.OfType<ReportEvidence>()).Evidence;
        Assert.Null(evidence.Verify(TestValidators.ChainId, Four.Set));
        Assert.Equal(Four.Keys[cheat].Key, evidence.First.Validator);

        // The same conflicting vote again (gossip repeats) is not reported again; an honest repeat is no evidence.
        engine.VoteFrom(cheat, VoteType.Prevote, 0, Hash256.Zero);
        engine.VoteFrom(Others[1], VoteType.Prevote, 0, a.Id);
        engine.VoteFrom(Others[1], VoteType.Prevote, 0, a.Id);
        Assert.Single(engine.All.OfType<ReportEvidence>());
    }

    [Fact]
    public void An_observer_follows_the_chain_but_never_signs()
    {
        var app = new FakeApp(Four.Set);
        var outsider = new TestValidators(1, prefix: "outsider");
        var watcher = new TendermintEngine(TestValidators.ChainId, app, outsider.Keys[0], ConsensusTiming.Default);
        var actions = watcher.Start(app.Tip, TestValidators.GenesisTimeMs + 10).ToList();
        var block = app.MakeBlock(1, Four.Keys[Four.ProposerOf(1, 0)].Key, salt: "x");
        actions.AddRange(watcher.Handle(new ProposalReceived(Four.Proposal(1, 0, -1, block), block, TestValidators.GenesisTimeMs + 10)));
        for (var i = 0; i < 4; i++)
        {
            actions.AddRange(watcher.Handle(new VoteReceived(Four.Vote(i, VoteType.Prevote, 1, 0, block.Id), TestValidators.GenesisTimeMs + 10)));
            actions.AddRange(watcher.Handle(new VoteReceived(Four.Vote(i, VoteType.Precommit, 1, 0, block.Id), TestValidators.GenesisTimeMs + 10)));
        }

        Assert.DoesNotContain(actions, a => a is PersistSigned or BroadcastVote or BroadcastProposal);
        Assert.Equal(block.Id, Assert.Single(actions.OfType<CommitBlock>()).Block.Id);
    }

    /// <summary>Height 1, round 0: proposal B, prevotes for B from two others (with ours, +2/3): we lock on B and precommit it.</summary>
    internal static EngineUnderTest LockedOnBInRoundZero(out Block b, bool lockingDisabled = false)
    {
        var engine = new EngineUnderTest(Four, Self, lockingDisabled);
        engine.Start();
        b = engine.BlockFor(0, "B");
        engine.Propose(0, -1, b);
        Assert.Equal(b.Id, engine.SentVote(VoteType.Prevote, 0)!.BlockId);
        engine.VoteFrom(Others[0], VoteType.Prevote, 0, b.Id);
        engine.VoteFrom(Others[1], VoteType.Prevote, 0, b.Id);
        Assert.Equal(b.Id, engine.SentVote(VoteType.Precommit, 0)!.BlockId);
        Assert.Equal(lockingDisabled ? -1 : 0, engine.Engine.LockedRound);

        // Nobody else precommits B: the round ends without a decision.
        foreach (var o in Others)
        {
            engine.VoteFrom(o, VoteType.Precommit, 0, Hash256.Zero);
        }

        Assert.Empty(engine.All.OfType<CommitBlock>());
        return engine;
    }
}
