using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Validators;

namespace Roundtable.Consensus;

/// <summary>
/// The prevotes or precommits of one round, power tallied per block id (zero = nil). As in the
/// paper, "2f+1 ⟨PREVOTE, h, r, id(v)⟩" counts every validator that sent a vote for id(v) — also one
/// that equivocated and sent something else first — while "2f+1 ⟨PREVOTE, h, r, ∗⟩" counts each
/// validator once. (Counting only a validator's first vote would let an equivocator hide, from the
/// nodes that saw its other vote first, a quorum that others locked on: a liveness failure.) Two
/// different ids can still never both reach +2/3: that needs an honest validator in both.
/// </summary>
internal sealed class RoundVotes
{
    private readonly ValidatorSet _validators;
    private readonly Dictionary<PublicKey, Vote> _byValidator = [];
    private readonly HashSet<(PublicKey Validator, Hash256 BlockId)> _counted = [];
    private readonly Dictionary<Hash256, ulong> _powerByBlock = [];
    private readonly List<Vote> _inOrder = [];

    public RoundVotes(ValidatorSet validators)
    {
        _validators = validators;
    }

    /// <summary>Power of all validators that voted in this round, for anything (each counted once).</summary>
    public ulong TotalPower { get; private set; }

    /// <summary>The first block id (or nil) that reached +2/3, if any.</summary>
    public Hash256? Quorum { get; private set; }

    public bool HasTwoThirdsAny => _validators.IsQuorum(TotalPower);

    /// <summary>
    /// Adds a vote (signature already checked); <paramref name="counted"/> is true when it adds its
    /// validator's power to its block id for the first time. Returns the validator's first vote
    /// when this one is for a different block id (equivocation: evidence).
    /// </summary>
    public Vote? Add(Vote vote, out bool counted)
    {
        var first = _byValidator.GetValueOrDefault(vote.Validator);
        var conflicting = first is not null && first.BlockId != vote.BlockId ? first : null;
        counted = _counted.Add((vote.Validator, vote.BlockId));
        if (!counted)
        {
            return conflicting;
        }

        var power = _validators.Find(vote.Validator)!.Power;
        if (first is null)
        {
            _byValidator.Add(vote.Validator, vote);
            TotalPower += power;
        }

        _inOrder.Add(vote);
        var forBlock = _powerByBlock.GetValueOrDefault(vote.BlockId) + power;
        _powerByBlock[vote.BlockId] = forBlock;
        if (Quorum is null && _validators.IsQuorum(forBlock))
        {
            Quorum = vote.BlockId;
        }

        return conflicting;
    }

    public bool HasTwoThirdsFor(Hash256 blockId) => _validators.IsQuorum(_powerByBlock.GetValueOrDefault(blockId));

    /// <summary>One vote per validator for <paramref name="blockId"/>, in arrival order.</summary>
    public IReadOnlyList<Vote> VotesFor(Hash256 blockId) => [.. _inOrder.Where(v => v.BlockId == blockId)];
}
