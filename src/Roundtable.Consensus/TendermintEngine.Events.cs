using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Consensus;

/// <summary>Event intake: each handler opens with its preconditions; stale input returns early.</summary>
public sealed partial class TendermintEngine
{
    private void OnTimeout(TimeoutElapsed timeout)
    {
        if (timeout.Height != Height)
        {
            return;
        }

        if (timeout.Step == TimeoutStep.Commit)
        {
            if (_decision is not null)
            {
                AdvanceHeight();
            }

            return;
        }

        if (timeout.Round != _round || _decision is not null)
        {
            return;
        }

        switch (timeout.Step)
        {
            case TimeoutStep.Propose when _step == ConsensusStep.Propose:
                SignVote(VoteType.Prevote, Hash256.Zero, null); // line 57
                _step = ConsensusStep.Prevote;
                break;
            case TimeoutStep.Prevote when _step == ConsensusStep.Prevote:
                SignVote(VoteType.Precommit, Hash256.Zero, null); // line 61
                _step = ConsensusStep.Precommit;
                break;
            case TimeoutStep.Precommit:
                StartRound(_round + 1); // line 65
                break;
        }
    }

    private void OnProposal(ProposalReceived received)
    {
        var proposal = received.Proposal;
        if (proposal.Height == Height + 1)
        {
            Buffer(received);
            return;
        }

        if (proposal.Height != Height || received.Block.Id != proposal.BlockId || received.Block.Header.Height != Height)
        {
            return;
        }

        if ((ulong)proposal.Round > (ulong)_round + MaxProposalRoundsAhead)
        {
            // Finding a round's proposer costs one schedule step per round: a signed proposal for
            // round 2^32 − 1 would stall the engine for minutes. Only the line 55 skip needs future
            // rounds, and votes drive it; the proposal is gossiped again once we are there.
            return;
        }

        if (!_state!.ProposerOf(proposal.Round).Equals(proposal.Proposer) || !proposal.VerifySignature(_chainId))
        {
            return;
        }

        AcceptProposal(proposal, received.Block);
    }

    private void AcceptProposal(Proposal proposal, Block block)
    {
        if (_state!.AddProposal(proposal, block))
        {
            _state.NoteSender(proposal.Round, proposal.Proposer);
        }
    }

    private void OnVote(VoteReceived received)
    {
        var vote = received.Vote;
        if (vote.Height == Height + 1)
        {
            Buffer(received);
            return;
        }

        if (vote.Height != Height || _state!.Validators.Find(vote.Validator) is null || !vote.VerifySignature(_chainId))
        {
            return;
        }

        AddVote(vote);
    }

    private void AddVote(Vote vote)
    {
        var state = _state!;
        var votes = state.Votes(vote.Round, vote.Type);
        var conflicting = votes.Add(vote, out var counted);
        if (conflicting is not null)
        {
            var evidence = new DuplicateVoteEvidence(conflicting, vote);
            if (_reportedEvidence.Add(evidence.Hash))
            {
                _actions.Add(new ReportEvidence(evidence));
            }
        }

        if (!counted)
        {
            return;
        }

        state.NoteSender(vote.Round, vote.Validator);
        if (vote.Type == VoteType.Precommit && votes.Quorum is { IsZero: false })
        {
            state.NotePrecommitQuorum(vote.Round);
        }
    }

    private void Buffer(ConsensusEvent e)
    {
        // Peers a little ahead of us are normal; keep their next-height messages for when we get there.
        if (_nextHeight.Count < MaxBufferedNextHeightEvents)
        {
            _nextHeight.Add(e);
        }
    }

    private void AdvanceHeight()
    {
        var (block, round) = _decision!.Value;
        var precommits = _state!.Votes(round, VoteType.Precommit).VotesFor(block.Id);
        var commit = new Commit(Height, round, block.Id, precommits.Select(v => v.ToCommitSignature()));
        _tip = new ChainTip(Height, commit, block.Header.TimeMs);
        StartHeight(Height + 1);
        StartRound(0);
        ReplayBuffered();
    }

    /// <summary>Feeds the events kept while the engine was one height behind (those for other heights fall through).</summary>
    private void ReplayBuffered()
    {
        var buffered = _nextHeight.ToArray();
        _nextHeight.Clear();
        foreach (var e in buffered)
        {
            switch (e)
            {
                case ProposalReceived p:
                    OnProposal(p);
                    break;
                case VoteReceived v:
                    OnVote(v);
                    break;
            }
        }
    }

    /// <summary>Signs a vote unless this validator already signed a different one for the same round and step.</summary>
    private void SignVote(VoteType type, Hash256 blockId, Block? block)
    {
        var state = _state!;
        if (state.Validators.Find(_signer.Key) is null)
        {
            return; // An observer follows consensus but never votes.
        }

        if (_signedVotes.TryGetValue((_round, type), out var earlier))
        {
            // Signed before a restart: repeat that exact vote, never a different one.
            _actions.Add(new BroadcastVote(earlier));
            AddVote(earlier);
            return;
        }

        var floor = (block?.Header.TimeMs ?? _tip!.LastBlockTimeMs) + 1;
        var vote = Vote.Sign(_chainId, type, Height, _round, blockId, Math.Max(_now, floor), _signer.Key, _signer.Sign);
        _signedVotes[(_round, type)] = vote;
        var lockBlock = type == VoteType.Precommit && !blockId.IsZero ? block : null;
        var proof = lockBlock is null ? null : state.Votes(_round, VoteType.Prevote).VotesFor(blockId);
        _actions.Add(new PersistSigned(new WalEntry(vote, null, lockBlock, proof)));
        _actions.Add(new BroadcastVote(vote));
        AddVote(vote);
    }
}
