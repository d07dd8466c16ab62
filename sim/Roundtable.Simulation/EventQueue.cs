using Roundtable.Consensus;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Simulation;

/// <summary>
/// The simulation's only scheduler: events ordered by (simulated time, sequence number). The
/// sequence number breaks ties in insertion order, so the order never depends on anything but the seed.
/// </summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<SimEvent, (ulong Time, long Sequence)> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public void Add(ulong time, SimEvent e) => _queue.Enqueue(e, (time, _sequence++));

    public bool TryNext(out SimEvent e, out ulong time)
    {
        if (_queue.TryDequeue(out var next, out var priority))
        {
            e = next;
            time = priority.Time;
            return true;
        }

        e = null!;
        time = 0;
        return false;
    }
}

/// <summary>Something scheduled to happen at a simulated time.</summary>
internal abstract record SimEvent;

/// <summary>A message arrives at <paramref name="To"/>.</summary>
internal sealed record Deliver(int From, int To, SimMessage Message) : SimEvent;

/// <summary>An engine timeout; ignored when the node restarted since it was scheduled.</summary>
internal sealed record EngineTimeout(int Node, int Incarnation, ulong Height, uint Round, TimeoutStep Step) : SimEvent;

/// <summary>Periodic gossip of a node: status, repeats of its own messages, relays, evidence.</summary>
internal sealed record GossipTick(int Node, int Incarnation) : SimEvent;

/// <summary>A node crashes (immediately, or part-way through its next batch of actions).</summary>
internal sealed record CrashNode(int Node, bool MidActions, int AfterActions, ulong DowntimeMs) : SimEvent;

/// <summary>A crashed node starts again from what it persisted.</summary>
internal sealed record RestartNode(int Node) : SimEvent;

/// <summary>The network splits into groups that cannot talk to each other.</summary>
internal sealed record PartitionNetwork(int[][] Groups) : SimEvent;

/// <summary>A partition ends.</summary>
internal sealed record HealNetwork : SimEvent;

/// <summary>The end of the fault period: everything heals and stays healed.</summary>
internal sealed record FinalHeal : SimEvent;

/// <summary>A client submits a transaction to some nodes.</summary>
internal sealed record SubmitTransaction(Transaction Transaction, int[] Nodes) : SimEvent;

/// <summary>Periodic liveness check.</summary>
internal sealed record LivenessCheck : SimEvent;

/// <summary>What travels between nodes.</summary>
internal abstract record SimMessage;

/// <summary>A proposal with its block.</summary>
internal sealed record ProposalMessage(Proposal Proposal, Block Block) : SimMessage;

/// <summary>A prevote or precommit.</summary>
internal sealed record VoteMessage(Vote Vote) : SimMessage;

/// <summary>Evidence of equivocation, gossiped until a block records it.</summary>
internal sealed record EvidenceMessage(DuplicateVoteEvidence Evidence) : SimMessage;

/// <summary>"My chain is at this height": the trigger for catch-up.</summary>
internal sealed record StatusMessage(ulong Height) : SimMessage;

/// <summary>Asks a peer for committed blocks from <paramref name="FromHeight"/>.</summary>
internal sealed record BlocksRequest(ulong FromHeight) : SimMessage;

/// <summary>Committed blocks with their commits, consecutive from the requested height.</summary>
internal sealed record BlocksResponse(IReadOnlyList<StoredBlock> Blocks) : SimMessage;

/// <summary>A transaction gossiped to a mempool.</summary>
internal sealed record TransactionMessage(Transaction Transaction) : SimMessage;

/// <summary>A block as a node persisted it: with the commit that decided it.</summary>
internal sealed record StoredBlock(Block Block, Commit Commit);
