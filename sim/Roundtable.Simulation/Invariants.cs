using System.Security.Cryptography;
using System.Text;
using Roundtable.Application.Validators;
using Roundtable.Consensus;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Validators;

namespace Roundtable.Simulation;

/// <summary>A broken invariant: which one, what exactly, and when (simulated milliseconds since the start).</summary>
public sealed record Violation(string Invariant, string Message, ulong AtMs);

/// <summary>
/// The properties every run must keep, checked as the run goes (each at the step that could break
/// it) and once more at the end. Only honest nodes are held to them; Byzantine ones are watched.
/// </summary>
internal sealed class Invariants
{
    private readonly SimulationRun _sim;
    private readonly SortedDictionary<ulong, (Hash256 Id, string Node)> _decided = [];
    private readonly Dictionary<(PublicKey Validator, ulong Height, uint Round, VoteType Type), Vote> _honestVotes = [];
    private readonly Dictionary<(PublicKey Validator, ulong Height, uint Round), Proposal> _honestProposals = [];
    private readonly SortedDictionary<Hash256, DuplicateVoteEvidence> _observed = [];
    private readonly SortedSet<Hash256> _droppedInCrash = [];
    private readonly Dictionary<(PublicKey Validator, Hash256 Payload), Signature> _verifiedSignatures = [];
    private readonly IncrementalHash _decisionLog = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public Invariants(SimulationRun sim)
    {
        _sim = sim;
        ExpectedSets = new ExpectedValidatorSets(sim.Scenario, sim.Scenario.Genesis.Parameters);
    }

    /// <summary>The sets the nodes must name, with the equivocation rule applied to what honest nodes committed.</summary>
    public ExpectedValidatorSets ExpectedSets { get; }

    public Violation? Violation { get; private set; }

    public int ObservedEvidence => _observed.Count;

    /// <summary>Height → block id decided by honest nodes.</summary>
    public IReadOnlyDictionary<ulong, (Hash256 Id, string Node)> Decided => _decided;

    public void Fail(string invariant, string message)
    {
        Violation ??= new Violation(invariant, message, _sim.ElapsedMs);
        _sim.Trace(-1, "VIOLATION", $"{invariant}: {message}");
    }

    /// <summary>No double sign: an honest validator never signs two different votes (or proposals) for one height, round and step — across crashes.</summary>
    public void OnHonestSigned(SimNode node, WalEntry entry)
    {
        if (entry.Vote is { } vote)
        {
            CheckVote(node, vote);
            _sim.Stats.MaxRound = Math.Max(_sim.Stats.MaxRound, vote.Round);
        }
        else if (entry.Proposal is { } proposal)
        {
            OnHonestProposalSent(node, proposal);
        }
    }

    public void OnHonestVoteSent(SimNode node, Vote vote, bool persisted)
    {
        if (!persisted)
        {
            Fail("wal-before-broadcast", $"{node.Name} broadcast {Describe(vote)} that is not in its WAL");
        }

        CheckVote(node, vote);
    }

    public void OnHonestProposalSent(SimNode node, Proposal proposal)
    {
        var key = (proposal.Proposer, proposal.Height, proposal.Round);
        if (_honestProposals.TryGetValue(key, out var earlier))
        {
            if (!earlier.Equals(proposal))
            {
                Fail("no-double-sign", $"{node.Name} signed two proposals for h{proposal.Height} r{proposal.Round}: {earlier.BlockId.ToShortString()} and {proposal.BlockId.ToShortString()}");
            }
        }
        else
        {
            _honestProposals.Add(key, proposal);
        }
    }

    /// <summary>Validity: a block an honest node commits passes ValidateBlock on that node and carries a +2/3 commit of the set the scenario expects at that height.</summary>
    public void BeforeCommit(SimNode node, Block block, Commit commit, string path)
    {
        var height = block.Header.Height;
        var problem = node.App.ValidateBlock(block);
        if (problem is not null)
        {
            Fail("validity", $"{node.Name} committed block {height} {block.Id.ToShortString()} via {path}, which its state refuses: {problem}");
            return;
        }

        var expected = ExpectedSets.At(height);
        if (block.Header.ValidatorSetHash != expected.Hash || block.Header.NextValidatorSetHash != ExpectedSets.At(height + 1).Hash)
        {
            Fail("validator-set", $"block {height} committed by {node.Name} names validator sets {block.Header.ValidatorSetHash.ToShortString()}/{block.Header.NextValidatorSetHash.ToShortString()}, expected {expected.Hash.ToShortString()}/{ExpectedSets.At(height + 1).Hash.ToShortString()}");
            return;
        }

        var commitProblem = CheckCommit(commit, block, expected);
        if (commitProblem is not null)
        {
            Fail("validity", $"{node.Name} committed block {height} via {path} with a bad commit: {commitProblem}");
        }
    }

    /// <summary>Agreement: no two honest nodes commit different blocks at one height.</summary>
    public void AfterCommit(SimNode node, Block block, string path)
    {
        var height = block.Header.Height;
        var suspensions = ExpectedSets.SuspensionCount;
        ExpectedSets.OnCommitted(block);
        _sim.Stats.Suspensions += ExpectedSets.SuspensionCount - suspensions;
        node.LastProgressAt = _sim.Now;
        _sim.Stats.Commits++;
        if (_decided.TryGetValue(height, out var decided))
        {
            if (decided.Id != block.Id)
            {
                Fail("agreement", $"{node.Name} committed {block.Id.ToShortString()} at height {height} via {path}, but {decided.Node} committed {decided.Id.ToShortString()}");
            }
        }
        else
        {
            _decided.Add(height, (block.Id, node.Name));
        }

        _decisionLog.AppendData(Encoding.ASCII.GetBytes($"{_sim.ElapsedMs} {node.Name} {height} {block.Id}\n"));
    }

    public void OnEvidenceObserved(SimNode node, DuplicateVoteEvidence evidence)
    {
        if (_observed.TryAdd(evidence.Hash, evidence))
        {
            _sim.Stats.EvidenceObserved++;
            _sim.Trace(node.Index, "evidence", $"{_sim.NameOf(evidence.First.Validator)} equivocated at h{evidence.First.Height} r{evidence.First.Round} {evidence.First.Type}");
        }

        if (!_sim.IsByzantine(evidence.First.Validator))
        {
            Fail("no-double-sign", $"{node.Name} observed an equivocation by honest {_sim.NameOf(evidence.First.Validator)} at h{evidence.First.Height} r{evidence.First.Round}");
        }
    }

    public void OnEvidenceHeld(SimNode node, DuplicateVoteEvidence evidence) => _droppedInCrash.Remove(evidence.Hash);

    public void OnCrash(SimNode node)
    {
        foreach (var e in node.EvidencePool)
        {
            // The pool is memory only (as in the node): a crash may lose evidence nobody else holds.
            _droppedInCrash.Add(e.Hash);
        }
    }

    /// <summary>Checks that need the whole run: evidence recorded, misbehaviour marked, nothing honest accused.</summary>
    public void AtEnd(ulong goal)
    {
        var leader = _sim.Nodes.Where(n => !n.IsByzantine).MaxBy(n => n.Height)!;
        var recorded = new SortedSet<Hash256>();
        foreach (var stored in leader.Blocks)
        {
            foreach (var e in stored.Block.Evidence)
            {
                recorded.Add(e.Hash);
                if (!_sim.IsByzantine(e.First.Validator))
                {
                    Fail("evidence", $"block {stored.Block.Header.Height} records evidence against honest {_sim.NameOf(e.First.Validator)}");
                }

                if (leader.App.GetRaw(EvidenceModule.MisbehaviourKey(e.First.Validator.Id)) is null)
                {
                    Fail("evidence", $"evidence against {_sim.NameOf(e.First.Validator)} is in block {stored.Block.Header.Height} but misbehaviour/{e.First.Validator.Id.ToShortString()} is not in the state");
                }
            }
        }

        _sim.Stats.EvidenceRecorded = recorded.Count;
        var suspended = leader.App.ListSuspensions().Where(s => s.Record.Applied).Select(s => s.Validator).ToHashSet();
        foreach (var (hash, evidence) in _observed)
        {
            if (recorded.Contains(hash) || evidence.First.Height >= goal)
            {
                continue;
            }

            // Its validator left the set by rule on earlier evidence: this proof can no longer be
            // checked against a set the chain keeps, and the consequence already stands.
            if (suspended.Contains(evidence.First.Validator.Id))
            {
                _sim.Stats.EvidenceMootBySuspension++;
                continue;
            }

            var held = _sim.Nodes.Any(n => !n.IsByzantine && n.Up && n.EvidencePool.Exists(e => e.Hash == hash));
            if (!held && _droppedInCrash.Contains(hash))
            {
                _sim.Stats.EvidenceLostInCrash++;
                continue;
            }

            Fail("evidence", $"the equivocation by {_sim.NameOf(evidence.First.Validator)} at h{evidence.First.Height} r{evidence.First.Round} ({evidence.First.Type}) was observed but misbehaviour/{evidence.First.Validator.Id.ToShortString()} was never recorded for it");
        }
    }

    /// <summary>SHA-256 over every honest decision in order (time, node, height, block id).</summary>
    public string DecisionLogHash() => Convert.ToHexStringLower(_decisionLog.GetCurrentHash());

    /// <summary>SHA-256 over the decided block ids by height.</summary>
    public string ChainHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (height, (id, _)) in _decided)
        {
            hash.AppendData(Encoding.ASCII.GetBytes($"{height} {id}\n"));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private void CheckVote(SimNode node, Vote vote)
    {
        var key = (vote.Validator, vote.Height, vote.Round, vote.Type);
        if (_honestVotes.TryGetValue(key, out var earlier))
        {
            if (earlier.BlockId != vote.BlockId)
            {
                Fail("no-double-sign", $"{node.Name} signed {Describe(earlier)} and then {Describe(vote)}");
            }
            else if (!earlier.Equals(vote))
            {
                Fail("no-double-sign", $"{node.Name} re-signed {Describe(vote)} differently (timestamp {earlier.TimestampMs} then {vote.TimestampMs})");
            }
        }
        else
        {
            _honestVotes.Add(key, vote);
        }
    }

    /// <summary>An independent check of a commit (not <see cref="Commit.Verify"/>), caching verified signatures across nodes.</summary>
    private string? CheckCommit(Commit commit, Block block, ValidatorSet expected)
    {
        if (commit.Height != block.Header.Height || commit.BlockId != block.Id)
        {
            return $"the commit is for h{commit.Height} {commit.BlockId.ToShortString()}";
        }

        ulong power = 0;
        PublicKey? previous = null;
        foreach (var signature in commit.Signatures)
        {
            var validator = expected.Find(signature.Validator);
            if (validator is null)
            {
                return $"signed by {_sim.NameOf(signature.Validator)}, which is not in the set of height {commit.Height}";
            }

            if (previous is not null && previous.CompareTo(signature.Validator) >= 0)
            {
                return "signatures are not in ascending, distinct validator order";
            }

            previous = signature.Validator;
            var payload = CanonicalVote.SigningPayload(Scenario.ChainId, VoteType.Precommit, commit.Height, commit.Round, commit.BlockId, signature.TimestampMs);
            var cacheKey = (signature.Validator, Hash256.Compute(payload));
            if (!_verifiedSignatures.TryGetValue(cacheKey, out var known) || !known.Equals(signature.Signature))
            {
                if (!SignatureVerifier.Verify(signature.Validator, payload, signature.Signature))
                {
                    return $"the signature of {_sim.NameOf(signature.Validator)} does not verify";
                }

                _verifiedSignatures[cacheKey] = signature.Signature;
            }

            power += validator.Power;
        }

        return expected.IsQuorum(power) ? null : $"signers hold {power} of {expected.TotalPower}, not more than two thirds";
    }

    private string Describe(Vote vote) => $"{vote.Type} h{vote.Height} r{vote.Round} for {(vote.IsNil ? "nil" : vote.BlockId.ToShortString())}";
}
