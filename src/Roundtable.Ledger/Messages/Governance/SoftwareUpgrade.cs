using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>An approved software version: its name, the SHA-256 of its release, and the height at which nodes running older software halt.</summary>
/// <param name="Version">Version name, 1..64 bytes.</param>
/// <param name="VersionHash">SHA-256 of the release artefact.</param>
/// <param name="HaltHeight">Height of the last block the old software executes.</param>
public sealed record SoftwareUpgrade(string Version, Hash256 VersionHash, ulong HaltHeight) : ProposalAction
{
    /// <summary>Longest version name.</summary>
    public const int MaxVersionBytes = 64;

    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.SoftwareUpgrade;

    /// <summary>Reads the body.</summary>
    public static SoftwareUpgrade DecodeBody(ref CanonicalReader reader) =>
        new(GovernanceText.ReadRequired(ref reader, MaxVersionBytes, "version"), reader.ReadHash(), reader.ReadVarUInt());

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteString(Version);
        writer.WriteHash(VersionHash);
        writer.WriteVarUInt(HaltHeight);
    }
}
