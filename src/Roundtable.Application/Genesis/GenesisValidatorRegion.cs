using Roundtable.Application.Parameters;
using Roundtable.Application.State;
using Roundtable.Application.Validators;
using Roundtable.Core.Crypto;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Genesis;

/// <summary>The region a genesis validator's operator declared (optional; see <see cref="ValidatorRegion"/>).</summary>
/// <param name="Validator">The validator's key; it must be one of the genesis validators.</param>
/// <param name="Region">A region id declared in the parameters.</param>
public sealed record GenesisValidatorRegion(PublicKey Validator, string Region)
{
    /// <summary>Writes each declared region to the state, refusing a region for an unknown validator, an undeclared region or a validator named twice.</summary>
    /// <exception cref="ArgumentException">One of the regions is invalid; the message says which.</exception>
    public static void Write(StateView state, IReadOnlyList<GenesisValidatorRegion> regions, ValidatorSet validators, ChainParameters parameters)
    {
        foreach (var r in regions)
        {
            var name = validators.Find(r.Validator)?.Name
                ?? throw new ArgumentException($"Genesis names a region for {r.Validator.Id.ToShortString()}, which is not a genesis validator.", nameof(regions));
            if (!parameters.HasRegion(r.Region))
            {
                throw new ArgumentException($"Genesis validator '{name}' names unknown region '{r.Region}'.", nameof(regions));
            }

            var key = ValidatorRegion.StateKey(r.Validator);
            if (state.Contains(key))
            {
                throw new ArgumentException($"Genesis names a region for validator '{name}' twice.", nameof(regions));
            }

            state.Put(key, new ValidatorRegion(r.Region));
        }
    }
}
