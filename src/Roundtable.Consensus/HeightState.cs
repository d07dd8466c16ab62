using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Validators;

namespace Roundtable.Consensus;

/// <summary>The paper's message log for one height: proposals, blocks, votes per round and "first time" flags.</summary>
internal sealed class HeightState
{
    private readonly Dictionary<(uint Round, VoteType Type), RoundVotes> _votes = [];
    private readonly Dictionary<uint, Proposal> _proposals = [];
    private readonly Dictionary<Hash256, Block> _blocks = [];
    private readonly Dictionary<uint, HashSet<PublicKey>> _senders = [];
    private readonly Dictionary<uint, ulong> _senderPower = [];
    private readonly HashSet<(uint Round, int Rule)> _fired = [];
    private readonly SortedSet<uint> _precommitQuorumRounds = [];
    private readonly SortedSet<uint> _roundsWithSenders = [];

    public HeightState(ulong height, ValidatorSet validators, ulong effectiveHeight)
    {
        Height = height;
        Validators = validators;
        Schedule = new ProposerSchedule(validators);
        EffectiveHeight = effectiveHeight;
        Schedule.Rebase(height - effectiveHeight);
    }

    public ulong Height { get; }

    public ValidatorSet Validators { get; }

    public ProposerSchedule Schedule { get; }

    public ulong EffectiveHeight { get; }

    /// <summary>Rounds in which some block (not nil) has +2/3 precommits, ascending.</summary>
    public IEnumerable<uint> PrecommitQuorumRounds => _precommitQuorumRounds;

    public PublicKey ProposerOf(uint round) => Schedule.ProposerAt(Height - EffectiveHeight + round + 1).Key;

    public RoundVotes Votes(uint round, VoteType type)
    {
        if (!_votes.TryGetValue((round, type), out var votes))
        {
            votes = new RoundVotes(Validators);
            _votes.Add((round, type), votes);
        }

        return votes;
    }

    public Proposal? ProposalOf(uint round) => _proposals.GetValueOrDefault(round);

    /// <summary>Keeps the first proposal of a round; later ones from the same proposer are ignored.</summary>
    public bool AddProposal(Proposal proposal, Block block)
    {
        if (!_proposals.TryAdd(proposal.Round, proposal))
        {
            return false;
        }

        _blocks.TryAdd(block.Id, block);
        return true;
    }

    public void AddBlock(Block block) => _blocks.TryAdd(block.Id, block);

    public Block? BlockOf(Hash256 id) => _blocks.GetValueOrDefault(id);

    /// <summary>Counts a validator as having sent something in <paramref name="round"/>; returns that round's sender power.</summary>
    public ulong NoteSender(uint round, PublicKey validator)
    {
        if (!_senders.TryGetValue(round, out var senders))
        {
            senders = [];
            _senders.Add(round, senders);
        }

        if (senders.Add(validator))
        {
            _roundsWithSenders.Add(round);
            _senderPower[round] = _senderPower.GetValueOrDefault(round) + Validators.Find(validator)!.Power;
        }

        return _senderPower.GetValueOrDefault(round);
    }

    /// <summary>The highest round above <paramref name="current"/> from which more than a third of the power has sent something.</summary>
    public uint? HighestRoundWithOneThirdSenders(uint current)
    {
        foreach (var round in _roundsWithSenders.Reverse())
        {
            if (round <= current)
            {
                return null;
            }

            if ((UInt128)_senderPower.GetValueOrDefault(round) * 3 > Validators.TotalPower)
            {
                return round;
            }
        }

        return null;
    }

    public void NotePrecommitQuorum(uint round) => _precommitQuorumRounds.Add(round);

    /// <summary>True the first time rule <paramref name="rule"/> fires in <paramref name="round"/>, false after.</summary>
    public bool FirstTime(uint round, int rule) => _fired.Add((round, rule));
}
