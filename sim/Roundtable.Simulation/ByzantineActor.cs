using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Simulation;

/// <summary>
/// What Byzantine validators send instead of what their engine asked for. A Byzantine node runs an
/// ordinary engine to follow the chain (so its lies are timely and plausible); every message that
/// engine wants to send passes through here and is dropped, rewritten, doubled or joined by
/// garbage, signed with the validator's own key. The engine itself is never modified.
/// </summary>
internal sealed class ByzantineActor
{
    private readonly SimulationRun _sim;
    private readonly Dictionary<(int Node, ulong Height, uint Round), (Hash256 A, Hash256 B, bool[] GetsB)> _doubles = [];
    private readonly Dictionary<(int Node, ulong Height, uint Round), bool[]> _splits = [];
    private int _junk;

    public ByzantineActor(SimulationRun sim)
    {
        _sim = sim;
    }

    public void OnVote(SimNode node, Vote vote)
    {
        if (_sim.Attack is { } attack)
        {
            // The coordinated attack decides everything; outside it the group follows its engines.
            if (!attack.OnVote(node, vote))
            {
                _sim.Broadcast(node.Index, new VoteMessage(vote));
            }

            return;
        }

        var behaviour = node.Spec.Behaviour;
        if (behaviour.HasFlag(ByzantineBehaviour.Silent))
        {
            return;
        }

        var v = vote;
        if (behaviour.HasFlag(ByzantineBehaviour.AlwaysNil) && !v.IsNil)
        {
            v = Resign(node, v, Hash256.Zero);
        }

        if (behaviour.HasFlag(ByzantineBehaviour.Equivocate) && _sim.Random.Next(100) < 70)
        {
            Equivocate(node, v);
        }
        else
        {
            _sim.Broadcast(node.Index, new VoteMessage(v));
        }

        if (behaviour.HasFlag(ByzantineBehaviour.Garbage) && _sim.Random.Next(100) < 40)
        {
            SendGarbage(node, v);
        }
    }

    public void OnProposal(SimNode node, Proposal proposal, Block block)
    {
        if (_sim.Attack is { } attack)
        {
            if (!attack.OnProposal(node, proposal, block))
            {
                _sim.Broadcast(node.Index, new ProposalMessage(proposal, block));
            }

            return;
        }

        var behaviour = node.Spec.Behaviour;
        if (behaviour.HasFlag(ByzantineBehaviour.Silent))
        {
            return;
        }

        if (behaviour.HasFlag(ByzantineBehaviour.InvalidProposals) && _sim.Random.Next(100) < 60)
        {
            var (bad, how) = Corrupt(block);
            var signed = Proposal.Sign(Scenario.ChainId, proposal.Height, proposal.Round, proposal.PolRound, bad.Id, node.Spec.Key.Key, node.Spec.Key.Sign);
            _sim.Stats.InvalidProposals++;
            _sim.Trace(node.Index, "byzantine", $"invalid proposal h{proposal.Height} r{proposal.Round} ({how})");
            _sim.Broadcast(node.Index, new ProposalMessage(signed, bad));
            return;
        }

        if (behaviour.HasFlag(ByzantineBehaviour.DoubleProposals) && _sim.Random.Next(100) < 80)
        {
            var other = WithJunkTransaction(block);
            var otherProposal = Proposal.Sign(Scenario.ChainId, proposal.Height, proposal.Round, proposal.PolRound, other.Id, node.Spec.Key.Key, node.Spec.Key.Sign);
            var getsB = Split(node, proposal.Height, proposal.Round);
            _doubles[(node.Index, proposal.Height, proposal.Round)] = (block.Id, other.Id, getsB);
            _sim.Stats.DoubleProposals++;
            _sim.Trace(node.Index, "byzantine", $"double proposal h{proposal.Height} r{proposal.Round}: {block.Id.ToShortString()} / {other.Id.ToShortString()}");
            foreach (var peer in _sim.PeersOf(node.Index))
            {
                _sim.Send(node.Index, peer, getsB[peer] ? new ProposalMessage(otherProposal, other) : new ProposalMessage(proposal, block));
            }

            return;
        }

        _sim.Broadcast(node.Index, new ProposalMessage(proposal, block));
    }

    /// <summary>Catch-up answers with forged commits or blocks; an honest receiver must refuse them.</summary>
    public List<StoredBlock> Forge(SimNode node, List<StoredBlock> blocks)
    {
        if (blocks.Count == 0 || _sim.Random.Next(100) >= 60)
        {
            return blocks;
        }

        var (block, commit) = blocks[0];
        StoredBlock forged;
        switch (_sim.Random.Next(3))
        {
            case 0:
                // Only our own precommit: far below two thirds.
                var precommit = Vote.Sign(Scenario.ChainId, VoteType.Precommit, block.Header.Height, commit.Round, block.Id, block.Header.TimeMs + 1, node.Spec.Key.Key, node.Spec.Key.Sign);
                forged = new StoredBlock(block, new Commit(block.Header.Height, commit.Round, block.Id, [precommit.ToCommitSignature()]));
                break;
            case 1:
                // Another block under the real commit.
                forged = new StoredBlock(Corrupt(block).Block, commit);
                break;
            default:
                // Another block, and the real signatures re-pointed at it.
                var bad = Corrupt(block).Block;
                forged = new StoredBlock(bad, new Commit(commit.Height, commit.Round, bad.Id, commit.Signatures));
                break;
        }

        _sim.Trace(node.Index, "byzantine", $"forged catch-up block {block.Header.Height}");
        return [forged, .. blocks.Skip(1)];
    }

    private void Equivocate(SimNode node, Vote vote)
    {
        var key = (node.Index, vote.Height, vote.Round);
        Hash256 conflicting;
        bool[] getsB;
        if (_doubles.TryGetValue(key, out var doubled) && (vote.BlockId == doubled.A || vote.BlockId == doubled.B))
        {
            // Our own double proposal: each half gets the vote for the block it was shown.
            getsB = doubled.GetsB;
            var forA = Resign(node, vote, doubled.A);
            var forB = Resign(node, vote, doubled.B);
            vote = forA;
            conflicting = forB.BlockId;
        }
        else
        {
            getsB = Split(node, vote.Height, vote.Round);
            conflicting = vote.IsNil || _sim.Random.Next(2) == 0 ? RandomHash() : Hash256.Zero;
        }

        var other = Resign(node, vote, conflicting);
        _sim.Stats.Equivocations++;
        _sim.Trace(node.Index, "byzantine", $"equivocate {vote.Type} h{vote.Height} r{vote.Round}: {vote.BlockId.ToShortString()} / {other.BlockId.ToShortString()}");
        foreach (var peer in _sim.PeersOf(node.Index))
        {
            _sim.Send(node.Index, peer, new VoteMessage(getsB[peer] ? other : vote));
        }

        if (_sim.Random.Next(100) < 35 && _sim.RandomPeer(node.Index) is { } both)
        {
            // Someone gets both: the equivocation is observable, so evidence must follow.
            _sim.Send(node.Index, both, new VoteMessage(getsB[both] ? vote : other));
        }
    }

    private void SendGarbage(SimNode node, Vote vote)
    {
        var key = node.Spec.Key;
        _sim.Stats.Garbage++;
        switch (_sim.Random.Next(6))
        {
            case 0:
                // A height nobody has reached.
                Send(Vote.Sign(Scenario.ChainId, vote.Type, vote.Height + 2 + (ulong)_sim.Random.Next(0, 50), 0, RandomHash(), vote.TimestampMs, key.Key, key.Sign), "future height");
                break;
            case 1:
                // A height long decided.
                var past = vote.Height > 1 ? vote.Height - 1 - (ulong)_sim.Random.Next(0, (int)Math.Min(vote.Height - 1, 5)) : 0;
                Send(Vote.Sign(Scenario.ChainId, vote.Type, past, vote.Round, RandomHash(), vote.TimestampMs, key.Key, key.Sign), "past height");
                break;
            case 2:
                // An absurd round at the current height.
                var round = _sim.Random.Next(2) == 0 ? uint.MaxValue - (uint)_sim.Random.Next(0, 3) : vote.Round + 1_000 + (uint)_sim.Random.Next(0, 1_000_000);
                Send(Vote.Sign(Scenario.ChainId, vote.Type, vote.Height, round, RandomHash(), vote.TimestampMs, key.Key, key.Sign), "absurd round");
                break;
            case 3:
                // A proposal for an absurd round (the receiver must not spend that many steps finding the proposer).
                var block = node.CreateProposal(node.App.Height + 1, key.Key, node.Tip().LastCommit);
                var far = _sim.Random.Next(2) == 0 ? uint.MaxValue - (uint)_sim.Random.Next(0, 3) : vote.Round + 100_000 + (uint)_sim.Random.Next(0, 1_000_000);
                var proposal = Proposal.Sign(Scenario.ChainId, block.Header.Height, far, -1, block.Id, key.Key, key.Sign);
                _sim.Trace(node.Index, "byzantine", $"garbage proposal h{proposal.Height} r{proposal.Round}");
                _sim.Broadcast(node.Index, new ProposalMessage(proposal, block));
                break;
            case 4:
                // A burst of next-height votes in assorted rounds, to fill the engine's next-height buffer.
                for (var i = 0; i < 40; i++)
                {
                    var v = Vote.Sign(Scenario.ChainId, (VoteType)(1 + _sim.Random.Next(2)), vote.Height + 1, (uint)_sim.Random.Next(0, 10_000), RandomHash(), vote.TimestampMs, key.Key, key.Sign);
                    _sim.Broadcast(node.Index, new VoteMessage(v));
                }

                _sim.Trace(node.Index, "byzantine", $"garbage burst of next-height votes at h{vote.Height + 1}");
                break;
            default:
                // A proof-of-lock round that never had a quorum.
                if (vote.Round > 0)
                {
                    var b = node.CreateProposal(node.App.Height + 1, key.Key, node.Tip().LastCommit);
                    var p = Proposal.Sign(Scenario.ChainId, b.Header.Height, vote.Round, (int)vote.Round - 1, b.Id, key.Key, key.Sign);
                    _sim.Broadcast(node.Index, new ProposalMessage(p, b));
                    _sim.Trace(node.Index, "byzantine", $"proposal h{p.Height} r{p.Round} claiming a proof of lock in r{p.PolRound}");
                }

                break;
        }

        void Send(Vote v, string what)
        {
            _sim.Trace(node.Index, "byzantine", $"garbage vote ({what}) h{v.Height} r{v.Round}");
            _sim.Broadcast(node.Index, new VoteMessage(v));
        }
    }

    private (Block Block, string How) Corrupt(Block block)
    {
        var h = block.Header;
        switch (_sim.Random.Next(7))
        {
            case 0:
                return (new Block(h with { StateRoot = RandomHash() }, block.Transactions, block.Evidence), "wrong state root");
            case 1 when h.LastCommit is not null:
                var weak = new Commit(h.LastCommit.Height, h.LastCommit.Round, h.LastCommit.BlockId, h.LastCommit.Signatures.Take(1));
                return (new Block(h with { LastCommit = weak }, block.Transactions, block.Evidence), "commit without a quorum");
            case 2 when h.LastCommit is not null:
                var elsewhere = new Commit(h.LastCommit.Height, h.LastCommit.Round, RandomHash(), h.LastCommit.Signatures);
                return (new Block(h with { LastCommit = elsewhere }, block.Transactions, block.Evidence), "commit for another block");
            case 3:
                return (new Block(h with { PreviousBlockId = RandomHash() }, block.Transactions, block.Evidence), "wrong previous block");
            case 4:
                return (new Block(h with { ValidatorSetHash = RandomHash() }, block.Transactions, block.Evidence), "wrong validator set");
            case 5:
                return (new Block(h with { TimeMs = h.TimeMs + 1 }, block.Transactions, block.Evidence), "time is not the commit's median");
            default:
                return (new Block(h, [.. block.Transactions, JunkTransaction()], block.Evidence), "transactions do not match the root");
        }
    }

    /// <summary>A different block that is still valid: one more transaction, whose signature is bad (it will fail when executed).</summary>
    private Block WithJunkTransaction(Block block)
    {
        Transaction[] transactions = [.. block.Transactions, JunkTransaction()];
        return new Block(block.Header with { TxRoot = Block.ComputeTxRoot(transactions) }, transactions, block.Evidence);
    }

    private Transaction JunkTransaction()
    {
        var sender = SimKey.Get($"junk/{_junk++ % 8}");
        var message = new RegisterMember("Junk", "government", "europe", []);
        var forger = SimKey.Get("junk/forger");
        var sequence = (ulong)_sim.Random.Next(0, 1_000);
        var signature = forger.Sign(Transaction.SigningPayload(Scenario.ChainId, sender.Key, sequence, 1_000, message));
        return Transaction.FromParts(Scenario.ChainId, sender.Key, sequence, 1_000, message, signature);
    }

    private bool[] Split(SimNode node, ulong height, uint round)
    {
        var key = (node.Index, height, round);
        if (!_splits.TryGetValue(key, out var getsB))
        {
            getsB = new bool[_sim.Nodes.Count];
            for (var i = 0; i < getsB.Length; i++)
            {
                getsB[i] = _sim.Random.Next(2) == 0;
            }

            _splits.Add(key, getsB);
        }

        return getsB;
    }

    private Vote Resign(SimNode node, Vote vote, Hash256 blockId) =>
        Vote.Sign(Scenario.ChainId, vote.Type, vote.Height, vote.Round, blockId, vote.TimestampMs, node.Spec.Key.Key, node.Spec.Key.Sign);

    private Hash256 RandomHash()
    {
        Span<byte> bytes = stackalloc byte[32];
        _sim.Random.NextBytes(bytes);
        return Hash256.FromBytes(bytes);
    }
}
