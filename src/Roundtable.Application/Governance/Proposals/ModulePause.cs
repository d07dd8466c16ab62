using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>A module paused by an emergency proposal until <paramref name="UntilMs"/> (block time; it resumes by itself).</summary>
/// <param name="UntilMs">First block time at which the module runs again.</param>
/// <param name="Proposal">The emergency proposal.</param>
public sealed record ModulePause(ulong UntilMs, Hash256 Proposal) : ICanonical<ModulePause>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(UntilMs);
        writer.WriteHash(Proposal);
    }

    /// <inheritdoc />
    public static ModulePause Decode(ref CanonicalReader reader) => new(reader.ReadVarUInt(), reader.ReadHash());
}
