namespace Roundtable.Ledger.Blocks;

/// <summary>The two voting steps of Tendermint.</summary>
public enum VoteType : byte
{
    /// <summary>First-round vote on a proposal.</summary>
    Prevote = 1,

    /// <summary>Second-round vote; +2/3 of precommits for a block commit it.</summary>
    Precommit = 2,
}
