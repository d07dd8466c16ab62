using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;

namespace Roundtable.Simulation;

/// <summary>
/// What a scale run measures as it goes: when each height is first decided and in which round,
/// each transaction's finality, and the traffic. Integers only, so a seed gives the same report everywhere.
/// </summary>
internal sealed class ScaleMetrics
{
    private readonly SimulationRun _sim;
    private readonly int _honestNodes;
    private readonly SortedDictionary<ulong, (ulong AtMs, uint Round)> _firstCommits = [];
    private readonly Dictionary<Hash256, Submission> _submissions = [];
    private readonly Dictionary<SimMessage, int> _sizes = new(ReferenceEqualityComparer.Instance);
    private readonly List<ulong> _atSubmitter = [];
    private readonly List<ulong> _atAllHonest = [];
    private long _sent;
    private long _delivered;
    private long _consensusBytes;

    public ScaleMetrics(SimulationRun sim)
    {
        _sim = sim;
        _honestNodes = sim.Scenario.Nodes.Count(n => !n.IsByzantine);
    }

    public void OnSent(SimMessage message)
    {
        _sent++;
        if (message is VoteMessage or ProposalMessage)
        {
            if (!_sizes.TryGetValue(message, out var size))
            {
                size = message is VoteMessage v ? Canonical.ToBytes(v.Vote).Length : Canonical.ToBytes(((ProposalMessage)message).Proposal).Length + ((ProposalMessage)message).Block.ToBytes().Length;
                _sizes.Add(message, size);
            }

            _consensusBytes += size;
        }
    }

    public void OnDelivered() => _delivered++;

    public void OnSubmitted(Hash256 transaction, int node) => _submissions.TryAdd(transaction, new Submission(node, _sim.Now));

    /// <summary>An honest node committed <paramref name="block"/> (by consensus or catch-up).</summary>
    public void OnCommitted(int node, Block block, Commit commit)
    {
        _firstCommits.TryAdd(block.Header.Height, (_sim.ElapsedMs, commit.Round));
        foreach (var tx in block.Transactions)
        {
            if (!_submissions.TryGetValue(tx.Hash, out var submission))
            {
                continue;
            }

            var latency = _sim.Now - submission.AtMs;
            if (node == submission.Node)
            {
                _atSubmitter.Add(latency);
            }

            if (++submission.Committed == _honestNodes)
            {
                _atAllHonest.Add(latency);
            }
        }
    }

    /// <summary>The report over heights 1..<paramref name="goal"/> (what every honest node reached).</summary>
    public ScaleReport Report(ulong goal, long signaturesVerified, long signaturesRemembered)
    {
        var heights = _firstCommits.Where(h => h.Key <= goal).ToList();
        var span = heights.Count < 2 ? 0 : heights[^1].Value.AtMs - heights[0].Value.AtMs;
        return new ScaleReport(
            Heights: heights.Count,
            MeanBlockTimeMs: heights.Count < 2 ? 0 : span / (ulong)(heights.Count - 1),
            RoundsPerHeightHundredths: heights.Count == 0 ? 0 : heights.Sum(h => 100L * (h.Value.Round + 1)) / heights.Count,
            MaxRound: heights.Count == 0 ? 0 : heights.Max(h => h.Value.Round),
            Submitted: _submissions.Count,
            AtSubmitter: Percentiles.Of(_atSubmitter),
            AtAllHonest: Percentiles.Of(_atAllHonest),
            SentPerBlock: heights.Count == 0 ? 0 : _sent / heights.Count,
            DeliveredPerBlock: heights.Count == 0 ? 0 : _delivered / heights.Count,
            ConsensusBytesPerBlock: heights.Count == 0 ? 0 : _consensusBytes / heights.Count,
            SignaturesVerified: signaturesVerified,
            SignaturesRemembered: signaturesRemembered);
    }

    private sealed class Submission(int node, ulong atMs)
    {
        public int Node { get; } = node;

        public ulong AtMs { get; } = atMs;

        public int Committed { get; set; }
    }
}
