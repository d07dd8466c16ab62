using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Transactions;
using Roundtable.Ledger.Validators;

namespace Roundtable.Simulation;

/// <summary>
/// The attack that locking exists to stop, played by one Byzantine stakeholder group together with
/// the network (which, before the final heal, may delay any message for as long as it likes).
/// Honest groups are cast as A, B and C (<see cref="SplitBrainPlan"/>); at the attacked height:
/// <list type="number">
/// <item>Round 0 (Byzantine proposer): block V goes to A and B, a decoy to C. The Byzantine group
/// prevotes V to A and B, the decoy to C. A and B see +2/3 prevotes for V and precommit it; C does not.</item>
/// <item>The Byzantine group precommits V to A only (nil to B and C), late enough that A already
/// holds B's precommits: A decides V. At that instant the network cuts A off until the final heal.</item>
/// <item>Later rounds: whenever C or a Byzantine validator proposes a fresh block V', the Byzantine
/// group prevotes and precommits it (in other rounds it votes nil, to keep the rounds turning). B, C and the Byzantine group hold more than two thirds: if B
/// prevotes V' although it precommitted V, they decide V' — two different blocks at one height.</item>
/// </list>
/// With locking, B is locked on V and prevotes nil for V', C never sees V's proof of lock (the
/// network withholds the Byzantine prevotes for V from C), so nothing is decided until the heal,
/// when B and C fetch V from A. With <c>LockingDisabled</c>, B prevotes V' and agreement breaks.
/// </summary>
internal sealed class SplitBrainAttack
{
    /// <summary>How long the Byzantine precommits for V take to reach A (B's precommits, sent earlier, must be there first).</summary>
    private const ulong PrecommitDelayMs = 400;

    private readonly SimulationRun _sim;
    private readonly SplitBrainPlan _plan;
    private readonly SortedDictionary<uint, Hash256> _backed = [];
    private readonly SortedSet<uint> _proposed = [];
    private readonly SortedSet<uint> _nil = [];
    private readonly ProposerSchedule _schedule;
    private Block? _first;
    private Block? _decoy;
    private bool _prevoted;
    private bool _precommitted;
    private int _variants;

    public SplitBrainAttack(SimulationRun sim, SplitBrainPlan plan)
    {
        _sim = sim;
        _plan = plan;
        _schedule = new ProposerSchedule(sim.Scenario.GenesisSet);
    }

    /// <summary>Until the final heal; afterwards the Byzantine group simply follows its engines.</summary>
    public bool Active => !_sim.Healed;

    /// <summary>A Byzantine engine wants to send a proposal; true when the attack took care of it.</summary>
    public bool OnProposal(SimNode node, Proposal proposal, Block block)
    {
        if (!Active || proposal.Height != _plan.Height)
        {
            return false;
        }

        if (proposal.Round == 0 && _first is null)
        {
            _first = block;
            _decoy = Variant(block, node.Spec.Key.Key);
            var decoy = Proposal.Sign(Scenario.ChainId, proposal.Height, 0, -1, _decoy.Id, node.Spec.Key.Key, node.Spec.Key.Sign);
            _sim.Trace(node.Index, "split-brain", $"round 0: {block.Id.ToShortString()} to A and B, decoy {_decoy.Id.ToShortString()} to C");
            foreach (var peer in _sim.PeersOf(node.Index))
            {
                _sim.Send(node.Index, peer, In(_plan.C, peer) ? new ProposalMessage(decoy, _decoy) : new ProposalMessage(proposal, block));
            }
        }

        // In later rounds the attack proposes by itself (see OnObserved): the engines may have moved on.
        return true;
    }

    /// <summary>A Byzantine engine wants to send a vote; true when the attack took care of it.</summary>
    public bool OnVote(SimNode node, Vote vote)
    {
        if (!Active || vote.Height != _plan.Height || _first is null)
        {
            return false;
        }

        if (vote.Round != 0)
        {
            return true;
        }

        if (vote.Type == VoteType.Prevote && !_prevoted)
        {
            _prevoted = true;
            foreach (var byzantine in _plan.Byzantine)
            {
                foreach (var peer in _sim.PeersOf(byzantine))
                {
                    _sim.Send(byzantine, peer, new VoteMessage(Sign(byzantine, VoteType.Prevote, 0, In(_plan.C, peer) ? _decoy!.Id : _first.Id, vote.TimestampMs)));
                }
            }
        }
        else if (vote.Type == VoteType.Precommit && !_precommitted)
        {
            _precommitted = true;
            foreach (var byzantine in _plan.Byzantine)
            {
                var forFirst = new VoteMessage(Sign(byzantine, VoteType.Precommit, 0, _first.Id, vote.TimestampMs));
                var nil = new VoteMessage(Sign(byzantine, VoteType.Precommit, 0, Hash256.Zero, vote.TimestampMs));
                foreach (var peer in _sim.PeersOf(byzantine))
                {
                    if (In(_plan.A, peer))
                    {
                        _sim.SendAfter(byzantine, peer, forFirst, PrecommitDelayMs);
                    }
                    else
                    {
                        _sim.Send(byzantine, peer, nil);
                    }
                }
            }

            // The moment A holds them, A is cut off (scheduled after those deliveries, at the same instant).
            int[] rest = [.. Enumerable.Range(0, _sim.Nodes.Count).Where(i => !In(_plan.A, i))];
            _sim.Schedule(_sim.Now + PrecommitDelayMs, new PartitionNetwork([_plan.A, rest]));
            _sim.Trace(node.Index, "split-brain", $"precommits for {_first.Id.ToShortString()} to A only, in {PrecommitDelayMs} ms; then A is cut off");
        }

        return true;
    }

    /// <summary>A Byzantine node received <paramref name="message"/>: in later rounds, back fresh proposals and propose some.</summary>
    public void OnObserved(SimMessage message)
    {
        if (!Active || _first is null || !_precommitted)
        {
            return;
        }

        switch (message)
        {
            case ProposalMessage { Proposal: var p, Block: var b } when p.Height == _plan.Height && p.Round > 0 && b.Id != _first.Id && b.Id != _decoy!.Id:
                Back(p.Round, b.Id);
                break;
            case VoteMessage { Vote: var v } when v.Height == _plan.Height && !_sim.IsByzantine(v.Validator):
                MaybePropose(v.Round);
                MaybePropose(v.Round + 1);
                if (v.Round > 0 && !_backed.ContainsKey(v.Round) && _nil.Add(v.Round))
                {
                    // Nothing to back in this round (yet): vote nil so that the rounds keep turning
                    // (B and C alone are not two thirds) until C or a Byzantine validator proposes.
                    foreach (var byzantine in _plan.Byzantine)
                    {
                        _sim.Broadcast(byzantine, new VoteMessage(Sign(byzantine, VoteType.Prevote, v.Round, Hash256.Zero, _sim.Now)));
                        _sim.Broadcast(byzantine, new VoteMessage(Sign(byzantine, VoteType.Precommit, v.Round, Hash256.Zero, _sim.Now)));
                    }
                }

                break;
        }
    }

    /// <summary>The network's part: what would give the game away never arrives before the heal.</summary>
    public bool Drops(int to, SimMessage message)
    {
        if (!Active || _first is null || message is not VoteMessage { Vote: var v })
        {
            return false;
        }

        if (v.Height != _plan.Height || v.Round != 0 || v.BlockId != _first.Id || !_sim.IsByzantine(v.Validator))
        {
            return false;
        }

        // The Byzantine prevotes for V reach only A and B; its precommits for V only A (however relayed).
        return v.Type == VoteType.Prevote ? In(_plan.C, to) : !In(_plan.A, to);
    }

    private void MaybePropose(uint round)
    {
        if (round == 0 || round > 60 || _proposed.Contains(round))
        {
            return;
        }

        _schedule.Rebase(_plan.Height + round - 1);
        var proposerKey = _schedule.ProposerAt(_plan.Height + round).Key;
        var proposer = _sim.Nodes.First(n => n.Spec.Key.Key.Equals(proposerKey));
        if (!proposer.IsByzantine)
        {
            return;
        }

        _proposed.Add(round);
        var block = Variant(_first!, proposerKey);
        var proposal = Proposal.Sign(Scenario.ChainId, _plan.Height, round, -1, block.Id, proposerKey, proposer.Spec.Key.Sign);
        _sim.Trace(proposer.Index, "split-brain", $"round {round}: fresh proposal {block.Id.ToShortString()}");
        _sim.Broadcast(proposer.Index, new ProposalMessage(proposal, block));
        Back(round, block.Id);
    }

    private void Back(uint round, Hash256 blockId)
    {
        if (!_backed.TryAdd(round, blockId))
        {
            return;
        }

        _sim.Trace(-1, "split-brain", $"round {round}: the Byzantine group votes for {blockId.ToShortString()}");
        foreach (var byzantine in _plan.Byzantine)
        {
            var time = _sim.Now;
            _sim.Broadcast(byzantine, new VoteMessage(Sign(byzantine, VoteType.Prevote, round, blockId, time)));
            _sim.Broadcast(byzantine, new VoteMessage(Sign(byzantine, VoteType.Precommit, round, blockId, time)));
        }
    }

    /// <summary>Another valid block for the attacked height: the same header with one more (failing) transaction.</summary>
    private Block Variant(Block block, PublicKey proposer)
    {
        var sender = SimKey.Get($"split-brain/{_variants++}");
        var message = new RegisterMember("Decoy", "government", "europe", []);
        var tx = Transaction.FromParts(Scenario.ChainId, sender.Key, 0, 1_000, message, SimKey.Get("junk/forger").Sign(Transaction.SigningPayload(Scenario.ChainId, sender.Key, 0, 1_000, message)));
        Transaction[] transactions = [.. block.Transactions, tx];
        return new Block(block.Header with { TxRoot = Block.ComputeTxRoot(transactions), Proposer = proposer }, transactions, block.Evidence);
    }

    private Vote Sign(int node, VoteType type, uint round, Hash256 blockId, ulong timestampMs)
    {
        var key = _sim.Nodes[node].Spec.Key;
        return Vote.Sign(Scenario.ChainId, type, _plan.Height, round, blockId, timestampMs, key.Key, key.Sign);
    }

    private static bool In(int[] members, int node) => Array.IndexOf(members, node) >= 0;
}
