using Roundtable.Application.Genesis;
using Roundtable.Ledger.Validators;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Node.Proofs;

/// <summary>The trust anchor a genesis defines: its chain id, its time and its validators with the power the chain assigns them.</summary>
public static class GenesisAnchors
{
    /// <summary>The anchor of <paramref name="genesis"/>; its hash is the chain's genesis hash.</summary>
    public static GenesisAnchor From(GenesisState genesis) =>
        new(genesis.ChainId, genesis.GenesisTimeMs, new ValidatorSet(StakeholderPower.Assign(genesis.Validators)));
}
