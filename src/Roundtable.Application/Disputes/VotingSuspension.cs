using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Disputes;

/// <summary>A member's right to vote on proposals, suspended by a dispute's remedy until a block time.</summary>
/// <param name="UntilMs">Block time from which they may vote again.</param>
/// <param name="Dispute">The dispute whose decision ordered it.</param>
public sealed record VotingSuspension(ulong UntilMs, Hash256 Dispute) : ICanonical<VotingSuspension>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(UntilMs);
        writer.WriteHash(Dispute);
    }

    /// <inheritdoc />
    public static VotingSuspension Decode(ref CanonicalReader reader) => new(reader.ReadVarUInt(), reader.ReadHash());
}
