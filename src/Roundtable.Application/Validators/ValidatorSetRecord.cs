using Roundtable.Core.Encoding;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Validators;

/// <summary>A validator set as the state keeps it, with the height from which it decides blocks (the proposer schedule counts from there).</summary>
/// <param name="Set">The validators.</param>
/// <param name="EffectiveHeight">First height this set decides.</param>
public sealed record ValidatorSetRecord(ValidatorSet Set, ulong EffectiveHeight) : ICanonical<ValidatorSetRecord>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        Set.Encode(writer);
        writer.WriteVarUInt(EffectiveHeight);
    }

    /// <inheritdoc />
    public static ValidatorSetRecord Decode(ref CanonicalReader reader) => new(ValidatorSet.Decode(ref reader), reader.ReadVarUInt());
}
