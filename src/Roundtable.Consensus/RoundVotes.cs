using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Validators;

namespace Roundtable.Consensus;

/// <summary>The prevotes or precommits of one round: one vote per validator, power tallied per block id (zero = nil).</summary>
internal sealed class RoundVotes
{
    private readonly ValidatorSet _validators;
    private readonly Dictionary<PublicKey, Vote> _byValidator = [];
    private readonly Dictionary<Hash256, ulong> _powerByBlock = [];
    private readonly List<Vote> _inOrder = [];

    public RoundVotes(ValidatorSet validators)
    {
        _validators = validators;
    }

    /// <summary>Power of all validators that voted in this round, for anything.</summary>
    public ulong TotalPower { get; private set; }

    /// <summary>The first block id (or nil) that reached +2/3, if any.</summary>
    public Hash256? Quorum { get; private set; }

    public bool HasTwoThirdsAny => _validators.IsQuorum(TotalPower);

    /// <summary>
    /// Adds a vote (signature already checked). Returns the earlier, different vote of the same
    /// validator when this one conflicts with it (equivocation); the first vote is the one that counts.
    /// </summary>
    public Vote? Add(Vote vote, out bool added)
    {
        added = false;
        if (_byValidator.TryGetValue(vote.Validator, out var existing))
        {
            return existing.BlockId == vote.BlockId ? null : existing;
        }

        var power = _validators.Find(vote.Validator)!.Power;
        _byValidator.Add(vote.Validator, vote);
        _inOrder.Add(vote);
        TotalPower += power;
        var forBlock = _powerByBlock.GetValueOrDefault(vote.BlockId) + power;
        _powerByBlock[vote.BlockId] = forBlock;
        if (Quorum is null && _validators.IsQuorum(forBlock))
        {
            Quorum = vote.BlockId;
        }

        added = true;
        return null;
    }

    public bool HasTwoThirdsFor(Hash256 blockId) => _validators.IsQuorum(_powerByBlock.GetValueOrDefault(blockId));

    public IReadOnlyList<Vote> VotesFor(Hash256 blockId) => [.. _inOrder.Where(v => v.BlockId == blockId)];
}
