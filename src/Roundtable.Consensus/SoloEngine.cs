using Roundtable.Ledger.Blocks;

namespace Roundtable.Consensus;

/// <summary>
/// The engine of a one-validator network: at every block interval it proposes a block and, being
/// all of the voting power, commits it with its own precommit. It speaks the same events and
/// actions as the Tendermint engine, so the node does not know which one it runs.
/// </summary>
public sealed class SoloEngine : IConsensusEngine
{
    private readonly IProposalSource _proposals;
    private readonly IVoteSigner _signer;
    private readonly ConsensusTiming _timing;
    private ChainTip? _tip;

    /// <summary>Creates the engine.</summary>
    public SoloEngine(IProposalSource proposals, IVoteSigner signer, ConsensusTiming timing)
    {
        _proposals = proposals;
        _signer = signer;
        _timing = timing;
    }

    /// <summary>The height being decided.</summary>
    public ulong Height => (_tip?.Height ?? 0) + 1;

    /// <inheritdoc />
    public IReadOnlyList<ConsensusAction> Start(ChainTip tip)
    {
        var validators = tip.Validators.Validators;
        if (validators.Count != 1 || !validators[0].Key.Equals(_signer.Key))
        {
            throw new InvalidOperationException("The solo engine runs only a network whose single validator is this node.");
        }

        _tip = tip;
        return [new ScheduleTimeout(Height, 0, TimeoutStep.Propose, _timing.BlockIntervalMs)];
    }

    /// <inheritdoc />
    public IReadOnlyList<ConsensusAction> Handle(ConsensusEvent consensusEvent)
    {
        var tip = _tip ?? throw new InvalidOperationException("The engine has not been started.");
        if (consensusEvent is not TimeoutElapsed { Step: TimeoutStep.Propose } timeout || timeout.Height != Height)
        {
            return []; // Stale or foreign event.
        }

        var block = _proposals.CreateProposal(Height, _signer.Key, tip.LastCommit);

        // BFT time must strictly increase; a clock that went backwards must not stall the chain.
        var timestamp = Math.Max(timeout.NowMs, block.Header.TimeMs + 1);
        var payload = CanonicalVote.SigningPayload(block.Header.ChainId, VoteType.Precommit, Height, 0, block.Id, timestamp);
        var commit = new Commit(Height, 0, block.Id, [new CommitSignature(_signer.Key, timestamp, _signer.Sign(payload))]);

        _tip = tip with { Height = Height, LastCommit = commit, LastBlockTimeMs = block.Header.TimeMs };
        return
        [
            new CommitBlock(block, commit),
            new ScheduleTimeout(Height, 0, TimeoutStep.Propose, _timing.BlockIntervalMs),
        ];
    }
}
