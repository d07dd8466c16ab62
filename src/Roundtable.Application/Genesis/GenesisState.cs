using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Parameters;
using Roundtable.Ledger.Names;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Genesis;

/// <summary>Everything a chain starts from. Its hash identifies the network together with the chain id.</summary>
/// <param name="ChainId">The chain id.</param>
/// <param name="GenesisTimeMs">Time of block 1, Unix milliseconds.</param>
/// <param name="Parameters">Initial parameters.</param>
/// <param name="Validators">Initial validators (power is assigned by <see cref="StakeholderPower"/>).</param>
/// <param name="Members">Founding members.</param>
/// <param name="ValidatorRegions">Regions declared by validator operators (optional; validators not listed have none).</param>
/// <param name="Governance">Governance rules; null for <see cref="GovernanceParameters.Default"/>.</param>
/// <param name="Zones">The zones the chain starts with (later ones come by proposal); null for none.</param>
public sealed record GenesisState(
    string ChainId,
    ulong GenesisTimeMs,
    ChainParameters Parameters,
    IReadOnlyList<Validator> Validators,
    IReadOnlyList<GenesisMember> Members,
    IReadOnlyList<GenesisValidatorRegion>? ValidatorRegions = null,
    GovernanceParameters? Governance = null,
    IReadOnlyList<ZonePolicy>? Zones = null);
