using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;

namespace Roundtable.Consensus;

/// <summary>The upon-rules of Algorithm 1; line numbers refer to the paper.</summary>
public sealed partial class TendermintEngine
{
    private void Evaluate()
    {
        bool progress;
        do
        {
            if (_decision is not null)
            {
                return; // Decided: only collecting late precommits until the commit pause ends.
            }

            progress = DecideOnPrecommitQuorum();
            if (_decision is not null)
            {
                return;
            }

            progress |= SkipToLaterRound();
            progress |= _step == ConsensusStep.Propose && PrevoteOnProposal();
            progress |= _step == ConsensusStep.Prevote && ScheduleTimeoutOnAnyPrevotes();
            progress |= _step >= ConsensusStep.Prevote && LockOnPrevoteQuorum();
            progress |= _step == ConsensusStep.Prevote && PrecommitNilOnNilQuorum();
            progress |= ScheduleTimeoutOnAnyPrecommits();
        }
        while (progress);
    }

    /// <summary>Lines 22–33: prevote for a fresh proposal, or for a re-proposal justified by a proof of lock.</summary>
    private bool PrevoteOnProposal()
    {
        var proposal = _state!.ProposalOf(_round);
        if (proposal is null)
        {
            return false;
        }

        var block = _state.BlockOf(proposal.BlockId)!;
        var lockedRound = LockingDisabled ? -1 : _lockedRound;
        bool acceptable;
        if (proposal.PolRound == -1)
        {
            acceptable = lockedRound == -1 || _lockedBlock!.Id == block.Id; // line 23
        }
        else if (proposal.PolRound < _round && _state.Votes((uint)proposal.PolRound, VoteType.Prevote).HasTwoThirdsFor(block.Id))
        {
            acceptable = lockedRound <= proposal.PolRound || _lockedBlock!.Id == block.Id; // line 29
        }
        else
        {
            return false; // Wait for the proof of lock (or the propose timeout).
        }

        var vote = acceptable && IsValid(block);
        SignVote(VoteType.Prevote, vote ? block.Id : Hash256.Zero, vote ? block : null);
        _step = ConsensusStep.Prevote;
        return true;
    }

    /// <summary>Line 34.</summary>
    private bool ScheduleTimeoutOnAnyPrevotes()
    {
        if (!_state!.Votes(_round, VoteType.Prevote).HasTwoThirdsAny || !_state.FirstTime(_round, 34))
        {
            return false;
        }

        Schedule(TimeoutStep.Prevote, _round);
        return true;
    }

    /// <summary>Lines 36–43: +2/3 prevotes for the round's valid proposal — lock and precommit (if still prevoting), remember as valid.</summary>
    private bool LockOnPrevoteQuorum()
    {
        var proposal = _state!.ProposalOf(_round);
        if (proposal is null || !_state.Votes(_round, VoteType.Prevote).HasTwoThirdsFor(proposal.BlockId))
        {
            return false;
        }

        var block = _state.BlockOf(proposal.BlockId)!;
        if (!IsValid(block) || !_state.FirstTime(_round, 36))
        {
            return false;
        }

        if (_step == ConsensusStep.Prevote)
        {
            if (!LockingDisabled)
            {
                _lockedBlock = block;
                _lockedRound = (int)_round;
            }

            SignVote(VoteType.Precommit, block.Id, block);
            _step = ConsensusStep.Precommit;
        }

        _validBlock = block;
        _validRound = (int)_round;
        return true;
    }

    /// <summary>Line 44.</summary>
    private bool PrecommitNilOnNilQuorum()
    {
        if (!_state!.Votes(_round, VoteType.Prevote).HasTwoThirdsFor(Hash256.Zero))
        {
            return false;
        }

        SignVote(VoteType.Precommit, Hash256.Zero, null);
        _step = ConsensusStep.Precommit;
        return true;
    }

    /// <summary>Line 47.</summary>
    private bool ScheduleTimeoutOnAnyPrecommits()
    {
        if (!_state!.Votes(_round, VoteType.Precommit).HasTwoThirdsAny || !_state.FirstTime(_round, 47))
        {
            return false;
        }

        Schedule(TimeoutStep.Precommit, _round);
        return true;
    }

    /// <summary>Lines 49–54: +2/3 precommits for a block in any round decide it.</summary>
    private bool DecideOnPrecommitQuorum()
    {
        foreach (var round in _state!.PrecommitQuorumRounds)
        {
            var votes = _state.Votes(round, VoteType.Precommit);
            var block = _state.BlockOf(votes.Quorum!.Value);
            if (block is null || !IsValid(block))
            {
                continue; // The block has not arrived yet; catch-up or gossip will bring it.
            }

            var commit = new Commit(Height, round, block.Id, votes.VotesFor(block.Id).Select(v => v.ToCommitSignature()));
            _decision = (block, round);
            _step = ConsensusStep.Commit;
            _actions.Add(new CommitBlock(block, commit));
            Schedule(TimeoutStep.Commit, round);
            return true;
        }

        return false;
    }

    /// <summary>Line 55: messages from more than a third of the power in a later round mean we are behind; jump there.</summary>
    private bool SkipToLaterRound()
    {
        var target = _state!.HighestRoundWithOneThirdSenders(_round);
        if (target is not { } round)
        {
            return false;
        }

        StartRound(round);
        return true;
    }

    private bool IsValid(Block block)
    {
        if (!_validity.TryGetValue(block.Id, out var valid))
        {
            valid = block.Header.Height == Height && _app.ValidateProposal(block) is null;
            _validity.Add(block.Id, valid);
        }

        return valid;
    }
}
