using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// A proposal's id: SHA-256("roundtable/proposal/v1" ‖ author member id ‖ varint(sequence of the
/// submitting transaction)). The author knows it before sending, and it never depends on the
/// signature bytes (ECDSA signatures are randomised).
/// </summary>
public static class ProposalId
{
    /// <summary>The id of the proposal submitted by <paramref name="author"/> with transaction sequence <paramref name="sequence"/>.</summary>
    public static Hash256 For(Hash256 author, ulong sequence)
    {
        var writer = new CanonicalWriter(64);
        writer.WriteFixed("roundtable/proposal/v1"u8);
        writer.WriteHash(author);
        writer.WriteVarUInt(sequence);
        return Hash256.Compute(writer.WrittenSpan);
    }
}
