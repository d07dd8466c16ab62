using System.Diagnostics;
using Roundtable.Consensus.Tests.Support;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Consensus.Tests;

/// <summary>Restarts from the WAL, and the engine bugs the simulator found (each with the seed that found it).</summary>
public sealed class WalAndRegressionTests
{
    private static readonly TestValidators Four = new(4);

    private static int Self => Four.ProposerOf(1, 3);

    private static int[] Others => [.. Enumerable.Range(0, 4).Where(i => i != Self)];

    [Fact]
    public void A_restarted_validator_repeats_its_votes_and_keeps_its_lock()
    {
        var before = EngineTests.LockedOnBInRoundZero(out var b);
        var prevote = before.SentVote(VoteType.Prevote, 0)!;
        var precommit = before.SentVote(VoteType.Precommit, 0)!;

        var after = new EngineUnderTest(Four, Self, app: before.App);
        after.Start(before.Wal);
        Assert.Equal(0, after.Engine.LockedRound);

        // A Byzantine proposer now shows us another block for round 0 first: we repeat our prevote for B, byte for byte.
        var other = after.BlockFor(0, "other");
        after.Propose(0, -1, other);
        Assert.Equal(prevote, after.SentVote(VoteType.Prevote, 0));
        after.Timeout(TimeoutStep.Prevote, 0);
        Assert.Equal(precommit, after.SentVote(VoteType.Precommit, 0));
        Assert.DoesNotContain(after.All, a => a is PersistSigned);

        // The lock survived: a fresh proposal in round 1 gets nil.
        after.Timeout(TimeoutStep.Precommit, 0);
        after.Propose(1, -1, after.BlockFor(1, "fresh"));
        Assert.True(after.SentVote(VoteType.Prevote, 1)!.IsNil);
        Assert.NotEqual(b.Id, other.Id);
    }

    [Fact]
    public void A_restarted_proposer_re_sends_the_same_proposal()
    {
        var proposer = Four.ProposerOf(1, 0);
        var before = new EngineUnderTest(Four, proposer);
        before.Start();
        var sent = Assert.Single(before.All.OfType<BroadcastProposal>());

        var after = new EngineUnderTest(Four, proposer, app: before.App);
        after.Start(before.Wal);
        var again = Assert.Single(after.All.OfType<BroadcastProposal>());
        Assert.Equal(sent.Proposal, again.Proposal);
        Assert.Equal(sent.Block.Id, again.Block.Id);
        Assert.Equal(before.SentVote(VoteType.Prevote, 0), after.SentVote(VoteType.Prevote, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_histories_with_crashes_never_make_an_engine_sign_two_different_votes(int validator)
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random((seed * 4) + validator);
            var app = new FakeApp(Four.Set);
            var wal = new List<WalEntry>();
            var signed = new Dictionary<(ulong, uint, VoteType), Vote>();
            var proposals = new Dictionary<(ulong, uint), Proposal>();
            var engine = Boot();
            for (var step = 0; step < 80; step++)
            {
                var height = engine.Engine.Height;
                var round = (uint)random.Next(0, 4);
                var blocks = new[] { Candidate(engine, round, "x"), Candidate(engine, round, "y") };
                switch (random.Next(10))
                {
                    case 0:
                        // Crash: only the WAL and the committed blocks survive.
                        engine = Boot();
                        break;
                    case 1:
                    case 2:
                        var block = blocks[random.Next(2)];
                        var pol = random.Next(3) == 0 ? -1 : random.Next(-1, (int)round);
                        Check(engine.Feed(new ProposalReceived(Four.Proposal(height, round, pol, block), block, engine.NowMs)));
                        break;
                    case 3:
                    case 4:
                        Check(engine.Timeout((TimeoutStep)random.Next(1, 5), round));
                        break;
                    default:
                        var from = Enumerable.Range(0, 4).Where(i => i != validator).ElementAt(random.Next(3));
                        var id = random.Next(3) == 0 ? Hash256.Zero : blocks[random.Next(2)].Id;
                        Check(engine.VoteFrom(from, random.Next(2) == 0 ? VoteType.Prevote : VoteType.Precommit, round, id));
                        break;
                }
            }

            EngineUnderTest Boot()
            {
                var restarted = new EngineUnderTest(Four, validator, app: app);
                Check(restarted.Start([.. wal]));
                return restarted;
            }

            void Check(IReadOnlyList<ConsensusAction> actions)
            {
                foreach (var action in actions)
                {
                    switch (action)
                    {
                        case PersistSigned persist:
                            wal.Add(persist.Entry);
                            if (persist.Entry.Vote is { } v)
                            {
                                Same(v);
                            }
                            else
                            {
                                var p = persist.Entry.Proposal!;
                                Assert.True(proposals.TryAdd((p.Height, p.Round), p) || proposals[(p.Height, p.Round)].Equals(p), $"seed {seed}: two proposals for h{p.Height} r{p.Round}");
                            }

                            break;
                        case BroadcastVote broadcast when broadcast.Vote.Validator.Equals(Four.Keys[validator].Key):
                            Same(broadcast.Vote);
                            Assert.Contains(wal, e => broadcast.Vote.Equals(e.Vote));
                            break;
                    }
                }
            }

            void Same(Vote vote)
            {
                var key = (vote.Height, vote.Round, vote.Type);
                if (!signed.TryAdd(key, vote))
                {
                    Assert.True(signed[key].Equals(vote), $"seed {seed}: signed {signed[key].BlockId} then {vote.BlockId} for h{vote.Height} r{vote.Round} {vote.Type}");
                }
            }
        }
    }

    /// <summary>
    /// Found by simulator seed 1000091: a validator locked on B with a proof of lock that included a
    /// Byzantine prevote only it had received; it crashed, restarted locked (from its WAL) but without
    /// the proof, and the Byzantine validator never sent that prevote again. Nobody could ever justify
    /// B again and the locked validator refused everything else: the height stalled for good after the
    /// heal. The WAL now keeps the proof with the lock, and a restart announces it again.
    /// </summary>
    [Fact]
    public void A_restarted_validator_re_announces_the_proof_of_its_lock()
    {
        var before = EngineTests.LockedOnBInRoundZero(out var b);
        var lockEntry = before.Wal.Single(e => e.Vote is { Type: VoteType.Precommit, IsNil: false });
        var proof = lockEntry.ProofOfLock!;
        Assert.Equal(3, proof.Count);
        Assert.All(proof, v => Assert.Equal(b.Id, v.BlockId));

        // The proof survives the WAL's encoding; an entry written before it existed still reads.
        var reread = Canonical.FromBytes<WalEntry>(Canonical.ToBytes(lockEntry));
        Assert.Equal(proof, reread.ProofOfLock);
        var legacy = Canonical.ToBytes(lockEntry with { ProofOfLock = [] })[..^1];
        Assert.Empty(Canonical.FromBytes<WalEntry>(legacy).ProofOfLock!);

        var after = new EngineUnderTest(Four, Self, app: before.App);
        after.Start([.. before.Wal.Select(e => Canonical.FromBytes<WalEntry>(Canonical.ToBytes(e)))]);
        var announced = after.Last.OfType<BroadcastVote>().Select(a => a.Vote).Where(v => v.Type == VoteType.Prevote && v.Round == 0).ToList();
        Assert.Equal(proof.OrderBy(v => v.Validator), announced.OrderBy(v => v.Validator));

        // A validator that never saw those prevotes is convinced by the announcement: it accepts B re-proposed with its proof.
        var stranger = Others[2];
        var round = Four.ProposerOf(1, 1) == stranger ? 2u : 1u;
        var convinced = new EngineUnderTest(Four, stranger);
        convinced.Start();
        for (var r = 0u; r < round; r++)
        {
            convinced.Timeout(TimeoutStep.Precommit, r);
        }

        foreach (var vote in announced)
        {
            convinced.Feed(new VoteReceived(vote, convinced.NowMs));
        }

        convinced.Propose(round, 0, b);
        Assert.Equal(b.Id, convinced.SentVote(VoteType.Prevote, round)!.BlockId);
    }

    /// <summary>
    /// Found by simulator seed 2 (Byzantine garbage): a signed proposal for round 2^32 − 2 made the
    /// engine step the proposer schedule four billion times before it could even check the signature.
    /// </summary>
    [Fact]
    public void A_proposal_for_an_absurd_round_is_dropped_at_once()
    {
        var engine = new EngineUnderTest(Four, Self);
        engine.Start();
        var block = engine.BlockFor(0, "far");
        var clock = Stopwatch.StartNew();
        Assert.Empty(engine.Feed(new ProposalReceived(Four.Proposal(1, uint.MaxValue - 1, -1, block, signer: Others[0]), block, engine.NowMs)));
        Assert.Empty(engine.Feed(new ProposalReceived(Four.Proposal(1, 1_000_000, -1, block, signer: Others[0]), block, engine.NowMs)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");

        // A proposal a few rounds ahead still counts as a message from that round (line 55).
        var round = 5u;
        var ahead = engine.BlockFor(round, "ahead");
        engine.Propose(round, -1, ahead);
        Assert.Equal(0u, engine.Engine.Round);
        engine.VoteFrom(Four.NonProposer(1, round, Self), VoteType.Prevote, round, Hash256.Zero);
        Assert.Equal(round, engine.Engine.Round);
    }

    /// <summary>
    /// Found by simulator seed 12 (an equivocating validator with a quarter of the power): nodes that
    /// received its nil prevote first never counted its prevote for B, so they never saw the proof of
    /// lock that two honest validators were locked on, and the height stalled for good after the heal.
    /// The paper counts "2f+1 ⟨PREVOTE, h, r, id(v)⟩" per value: the equivocator's vote for B counts.
    /// </summary>
    [Fact]
    public void An_equivocators_vote_still_counts_for_the_block_it_names()
    {
        var engine = new EngineUnderTest(Four, Self);
        engine.Start();
        var b = engine.BlockFor(0, "B");

        // Round 0: the proposal does not reach us in time; we prevote nil.
        engine.Timeout(TimeoutStep.Propose, 0);
        Assert.True(engine.SentVote(VoteType.Prevote, 0)!.IsNil);

        // The cheat's nil prevote arrives first, then its prevote for B; the two others prevote B.
        var cheat = Others[0];
        engine.VoteFrom(cheat, VoteType.Prevote, 0, Hash256.Zero);
        engine.VoteFrom(cheat, VoteType.Prevote, 0, b.Id);
        Assert.Single(engine.All.OfType<ReportEvidence>());
        engine.VoteFrom(Others[1], VoteType.Prevote, 0, b.Id);
        engine.VoteFrom(Others[2], VoteType.Prevote, 0, b.Id);
        engine.Timeout(TimeoutStep.Prevote, 0);
        engine.Timeout(TimeoutStep.Precommit, 0);

        // Round 1 re-proposes B with its proof of lock from round 0 (three quarters of the power, the cheat included).
        engine.Propose(1, 0, b);
        Assert.Equal(b.Id, engine.SentVote(VoteType.Prevote, 1)!.BlockId);
    }

    [Fact]
    public void Conflicting_votes_never_give_two_blocks_a_quorum_in_one_round()
    {
        var engine = new EngineUnderTest(Four, Self);
        engine.Start();
        var b = engine.BlockFor(0, "B");
        var c = engine.BlockFor(0, "C");
        engine.Propose(0, -1, b);

        // One cheat votes for everything; only one honest validator besides us is for C: C has half the power, no quorum.
        var cheat = Others[0];
        foreach (var id in new[] { c.Id, b.Id, Hash256.Zero })
        {
            engine.VoteFrom(cheat, VoteType.Prevote, 0, id);
        }

        engine.VoteFrom(Others[1], VoteType.Prevote, 0, c.Id);
        Assert.Null(engine.SentVote(VoteType.Precommit, 0));
        engine.VoteFrom(Others[2], VoteType.Prevote, 0, b.Id);
        Assert.Equal(b.Id, engine.SentVote(VoteType.Precommit, 0)!.BlockId);
    }

    /// <summary>
    /// Found by simulator seed 24: a node one height behind buffered the next height's messages,
    /// then caught up by fetching the block and restarted its engine at the new tip — which dropped
    /// the buffer. A gossip layer that does not resend what it already delivered never gives them
    /// back, and here the lost prevotes were a proof of lock: the height stalled.
    /// </summary>
    [Fact]
    public void Messages_buffered_for_the_next_height_survive_a_restart_at_that_height()
    {
        var engine = new EngineUnderTest(Four, Self);
        engine.Start();

        // Height 2 is under way elsewhere: its proposal and two prevotes reach us while we are still at height 1.
        var proposer1 = Four.ProposerOf(1, 0);
        var block1 = engine.App.MakeBlock(1, Four.Keys[proposer1].Key, salt: "one");
        var commit1 = new Commit(1, 0, block1.Id, Others.Select(o => Four.Vote(o, VoteType.Precommit, 1, 0, block1.Id).ToCommitSignature()));
        var shadow = new FakeApp(Four.Set);
        shadow.Apply(block1, commit1);
        var block2 = shadow.MakeBlock(2, Four.Keys[Four.ProposerOf(2, 0)].Key, commit1, "two");
        engine.Feed(new ProposalReceived(Four.Proposal(2, 0, -1, block2), block2, engine.NowMs));
        var voters = Enumerable.Range(0, 4).Where(i => i != Self).Take(2).ToList();
        foreach (var v in voters)
        {
            engine.VoteFrom(v, VoteType.Prevote, 0, block2.Id, height: 2);
        }

        // Catch-up: block 1 arrives with its commit, is executed, and the engine restarts at the new tip.
        engine.App.Apply(block1, commit1);
        engine.Start();
        Assert.Equal(2ul, engine.Engine.Height);
        Assert.Equal(block2.Id, engine.SentVote(VoteType.Prevote, 0)!.BlockId);
        Assert.Equal(block2.Id, engine.SentVote(VoteType.Precommit, 0)!.BlockId);
    }

    private static Block Candidate(EngineUnderTest engine, uint round, string salt) =>
        engine.App.MakeBlock(engine.Engine.Height, Four.Keys[Four.ProposerOf(engine.Engine.Height, round)].Key, engine.App.LastCommit, salt + round);
}
