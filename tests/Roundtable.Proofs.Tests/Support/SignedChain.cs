using System.Text;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Notary;
using Roundtable.Ledger.Validators;
using Roundtable.Merkle;
using Roundtable.Proofs.Building;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Proofs.Tests.Support;

/// <summary>
/// A chain of real headers and commits signed by real P-256 keys, without consensus or execution:
/// each block carries some transactions (opaque leaves) and state writes, and validator sets change
/// at the heights a test chooses, with the header two blocks ahead naming the new set as the node
/// does. It is the header archive bundles are assembled from, so tests see what a node would serve.
/// </summary>
internal sealed class SignedChain : IHeaderArchive
{
    public const ulong GenesisTimeMs = 1_767_225_600_000; // 2026-01-01T00:00:00Z

    private static readonly string[] Groups = ["civil-society", "government", "intergovernmental", "private-sector", "technical"];

    private readonly Dictionary<PublicKey, PrivateKey> _keys = [];
    private readonly List<ArchivedHeader> _headers = [];
    private readonly List<byte[][]> _transactions = [];
    private readonly List<SparseMerkleMap> _statesAfter = [];
    private readonly SortedDictionary<ulong, ValidatorSet> _setsFrom = [];
    private readonly SparseMerkleMap _state = new();

    /// <summary>A chain whose genesis set has <paramref name="validators"/> validators spread over the five groups.</summary>
    public SignedChain(string chainId = "proof-test", int validators = 4, int keySeed = 0)
    {
        ChainId = chainId;
        var genesis = NewSet(validators, keySeed);
        _setsFrom[1] = genesis;
        Genesis = new GenesisAnchor(chainId, GenesisTimeMs, genesis);
        _statesAfter.Add(_state.Clone());
    }

    public string ChainId { get; }

    public GenesisAnchor Genesis { get; }

    public ulong LastHeight => (ulong)_headers.Count;

    /// <summary>Which validators of a set sign each commit (all by default).</summary>
    public Func<ulong, ValidatorSet, IEnumerable<Validator>> Signers { get; set; } = static (_, set) => set.Validators;

    /// <summary>A new set of <paramref name="count"/> validators with keys derived from <paramref name="keySeed"/>.</summary>
    public ValidatorSet NewSet(int count, int keySeed)
    {
        var validators = new List<Validator>();
        for (var i = 0; i < count; i++)
        {
            var key = KeyFor(keySeed, i);
            validators.Add(new Validator(key.PublicKey, $"validator-{keySeed}-{i}", Groups[i % Groups.Length], 1));
        }

        return new ValidatorSet(StakeholderPower.Assign(validators));
    }

    /// <summary>Makes <paramref name="set"/> decide blocks from <paramref name="height"/> on (it must be after the next block).</summary>
    public void ChangeValidatorsAt(ulong height, ValidatorSet set)
    {
        if (height <= LastHeight + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(height), "A set change is announced by the header before it.");
        }

        _setsFrom[height] = set;
    }

    /// <summary>Appends a block with these transactions (opaque leaves) and state writes of text values; returns its height.</summary>
    public ulong Append(IReadOnlyList<byte[]>? transactions = null, IEnumerable<(string Key, string Value)>? writes = null) =>
        Append(transactions, (writes ?? []).Select(w => (w.Key, Encoding.UTF8.GetBytes(w.Value))));

    /// <summary>Appends a block that records an anchor for <paramref name="digest"/> by a sample author.</summary>
    public ulong AppendAnchor(Hash256 digest, string title = "Minutes of the round table") =>
        Append(null, [(Encoding.ASCII.GetString(NotaryKeys.Anchor(digest)), Canonical.ToBytes(AnchorRecord.Anchored(
            digest,
            new AnchorSigner(Hash256.Compute("author"u8), "civil-society", "africa", Verified: true, LastHeight + 1, GenesisTimeMs + ((LastHeight + 1) * 1000)),
            new AnchorMetadata(title, "text/plain", 18, null, ["minutes"]),
            [])))]);

    /// <summary>Appends a block with these transactions (opaque leaves) and state writes; returns its height.</summary>
    public ulong Append(IReadOnlyList<byte[]>? transactions, IEnumerable<(string Key, byte[] Value)> writes)
    {
        var height = LastHeight + 1;
        var txs = transactions?.ToArray() ?? [];
        var set = SetAt(height);
        var previous = height == 1 ? null : _headers[^1];
        var header = new BlockHeader(
            ChainId,
            height,
            GenesisTimeMs + (height * 1000),
            previous?.Header.Id ?? Hash256.Zero,
            MerkleTree.ComputeRoot(txs),
            MerkleTree.EmptyRoot,
            _state.Root,
            set.Hash,
            SetAt(height + 1).Hash,
            set.Validators[0].Key,
            previous?.Commit);
        var next = SetAt(height + 1);
        _headers.Add(new ArchivedHeader(header, Sign(header, set), EffectiveHeight(height), next.Hash == set.Hash ? null : next));
        _transactions.Add(txs);
        foreach (var (key, value) in writes ?? [])
        {
            _state.Set(Encoding.UTF8.GetBytes(key), value);
        }

        _statesAfter.Add(_state.Clone());
        return height;
    }

    /// <summary>Appends <paramref name="count"/> empty blocks.</summary>
    public void AppendEmpty(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Append();
        }
    }

    public ArchivedHeader? Read(ulong height) => height >= 1 && height <= LastHeight ? _headers[(int)height - 1] : null;

    public ValidatorSet SetAt(ulong height) => _setsFrom.Last(e => e.Key <= height).Value;

    /// <summary>A claim about <paramref name="key"/> against the state root of header <paramref name="height"/>.</summary>
    public StateClaim ProveState(ulong height, string key)
    {
        var state = _statesAfter[(int)height - 1];
        var bytes = Encoding.UTF8.GetBytes(key);
        return new StateClaim(height, bytes, state.Get(bytes), state.Prove(bytes));
    }

    /// <summary>A claim that transaction <paramref name="index"/> is in block <paramref name="height"/>.</summary>
    public TransactionClaim ProveTransaction(ulong height, int index)
    {
        var txs = _transactions[(int)height - 1];
        return new TransactionClaim(height, txs[index], MerkleTree.ProveInclusion([.. txs.Select(t => MerkleTree.HashLeaf(t))], index));
    }

    /// <summary>Signs the commit of <paramref name="header"/> with <paramref name="signers"/> of its set.</summary>
    public Commit Sign(BlockHeader header, IEnumerable<Validator> signers) =>
        new(header.Height, 0, header.Id, signers.Select(v =>
        {
            var time = header.TimeMs + 500;
            var payload = CanonicalVote.SigningPayload(header.ChainId, VoteType.Precommit, header.Height, 0, header.Id, time);
            return new CommitSignature(v.Key, time, _keys[v.Key].Sign(payload));
        }));

    private Commit Sign(BlockHeader header, ValidatorSet set) => Sign(header, Signers(header.Height, set));

    private ulong EffectiveHeight(ulong height) => _setsFrom.Last(e => e.Key <= height).Key;

    private PrivateKey KeyFor(int seed, int index)
    {
        // Deterministic scalars, so the same seed gives the same keys (and genesis hash) in every run.
        var scalar = Hash256.Compute(Encoding.UTF8.GetBytes($"roundtable proof test key {seed}/{index}")).ToArray();
        var key = PrivateKey.FromScalar(scalar);
        _keys.TryAdd(key.PublicKey, key);
        return _keys[key.PublicKey];
    }
}
