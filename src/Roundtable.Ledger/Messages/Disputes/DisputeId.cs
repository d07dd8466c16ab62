using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Disputes;

/// <summary>
/// A dispute's id: SHA-256("roundtable/dispute/v1" ‖ claimant member id ‖ varint(sequence of the
/// filing transaction)), known to the claimant before sending, like a proposal's id.
/// </summary>
public static class DisputeId
{
    /// <summary>The id of the dispute filed by <paramref name="claimant"/> with transaction sequence <paramref name="sequence"/>.</summary>
    public static Hash256 For(Hash256 claimant, ulong sequence)
    {
        var writer = new CanonicalWriter(64);
        writer.WriteFixed("roundtable/dispute/v1"u8);
        writer.WriteHash(claimant);
        writer.WriteVarUInt(sequence);
        return Hash256.Compute(writer.WrittenSpan);
    }
}
