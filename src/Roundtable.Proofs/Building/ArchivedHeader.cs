using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;

namespace Roundtable.Proofs.Building;

/// <summary>
/// What a node keeps about one height that proofs need: the header, the commit that decided it and
/// its validator history (null fields for blocks stored before the history was recorded).
/// </summary>
/// <param name="Header">The header.</param>
/// <param name="Commit">Its commit.</param>
/// <param name="SetEffectiveHeight">First height decided by this block's validator set, when recorded.</param>
/// <param name="NextSet">The set this header hands over to, when it changes the set and it was recorded.</param>
public sealed record ArchivedHeader(BlockHeader Header, Commit Commit, ulong? SetEffectiveHeight, ValidatorSet? NextSet);

/// <summary>Read access to a chain's committed headers, by height.</summary>
public interface IHeaderArchive
{
    /// <summary>The newest stored height (0 when empty).</summary>
    ulong LastHeight { get; }

    /// <summary>The header at <paramref name="height"/>, or null when it is not stored.</summary>
    ArchivedHeader? Read(ulong height);
}
