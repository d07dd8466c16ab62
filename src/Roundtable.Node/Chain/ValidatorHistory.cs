using Roundtable.Core.Encoding;
using Roundtable.Ledger.Validators;

namespace Roundtable.Node.Chain;

/// <summary>
/// What a stored block remembers about validator sets, so that proof bundles and light clients can
/// be served without historical state: the first height of the set that decided this block (so
/// the previous change is one step back, not a scan) and, when this header hands over to a new
/// set, that set (headers carry only its hash).
/// </summary>
/// <param name="SetEffectiveHeight">First height decided by this block's validator set.</param>
/// <param name="NextSet">The set this header hands over to, or null when it keeps its set.</param>
public sealed record ValidatorHistory(ulong SetEffectiveHeight, ValidatorSet? NextSet)
{
    /// <summary>Writes the effective height and the optional next set.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(SetEffectiveHeight);
        writer.WriteOptional(NextSet, static (w, s) => s.Encode(w));
    }

    /// <summary>Reads the record.</summary>
    public static ValidatorHistory Decode(ref CanonicalReader reader) =>
        new(reader.ReadVarUInt(), reader.ReadOptionalMarker() ? ValidatorSet.Decode(ref reader) : null);
}
