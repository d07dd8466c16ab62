using Roundtable.Core.Crypto;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;

namespace Roundtable.Consensus;

/// <summary>What the engine asks of the application. Answers depend only on committed state, so they are deterministic.</summary>
public interface IConsensusApplication
{
    /// <summary>The validators deciding <paramref name="height"/> (the next height) and the height from which that set has been in effect.</summary>
    (ValidatorSet Validators, ulong EffectiveHeight) ValidatorsFor(ulong height);

    /// <summary>A block for <paramref name="height"/> carrying <paramref name="lastCommit"/>, created by <paramref name="proposer"/>.</summary>
    Block CreateProposal(ulong height, PublicKey proposer, Commit? lastCommit);

    /// <summary>Null when <paramref name="block"/> is a valid next block; otherwise why not.</summary>
    string? ValidateProposal(Block block);
}
