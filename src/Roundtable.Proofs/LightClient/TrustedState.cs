using Roundtable.Core.Hashing;
using Roundtable.Ledger.Validators;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Proofs.LightClient;

/// <summary>What a light client trusts at a moment: a height, its time, its block id and the set that decides the next height.</summary>
/// <param name="Height">The trusted height (0 for genesis).</param>
/// <param name="TimeMs">Its block time (genesis time at 0), Unix milliseconds.</param>
/// <param name="BlockId">The trusted header's id (zero for genesis).</param>
/// <param name="NextValidators">The set that decides height <paramref name="Height"/> + 1.</param>
public sealed record TrustedState(ulong Height, ulong TimeMs, Hash256 BlockId, ValidatorSet NextValidators)
{
    /// <summary>The state a trust anchor gives.</summary>
    public static TrustedState From(TrustAnchor anchor) => anchor switch
    {
        GenesisAnchor g => new TrustedState(0, g.GenesisTimeMs, Hash256.Zero, g.Validators),
        HeaderAnchor h => new TrustedState(h.Header.Height, h.Header.TimeMs, h.Header.Id, h.Next),
        _ => throw new ArgumentException("Unknown trust anchor.", nameof(anchor)),
    };
}
