using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>The approved software upgrade: version, release hash, halt height, and the proposal that approved it.</summary>
/// <param name="Version">Version name.</param>
/// <param name="VersionHash">SHA-256 of the release.</param>
/// <param name="HaltHeight">Last height the old software executes.</param>
/// <param name="Proposal">The approving proposal.</param>
public sealed record UpgradePlan(string Version, Hash256 VersionHash, ulong HaltHeight, Hash256 Proposal) : ICanonical<UpgradePlan>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Version);
        writer.WriteHash(VersionHash);
        writer.WriteVarUInt(HaltHeight);
        writer.WriteHash(Proposal);
    }

    /// <inheritdoc />
    public static UpgradePlan Decode(ref CanonicalReader reader) =>
        new(reader.ReadString(Ledger.Messages.Governance.SoftwareUpgrade.MaxVersionBytes, "version"), reader.ReadHash(), reader.ReadVarUInt(), reader.ReadHash());
}
