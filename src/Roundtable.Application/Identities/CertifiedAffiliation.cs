using Roundtable.Application.Parameters;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Identities;

namespace Roundtable.Application.Identities;

/// <summary>
/// A member's affiliation as verified by a certificate. The certificate itself is not kept (it may
/// carry a person's name, and a ledger cannot forget): only its digest, who issued it, its serial
/// (to match revocation lists), its end of validity and the organisation the member chose to publish.
/// </summary>
/// <param name="Anchor">The trust anchor it chains to.</param>
/// <param name="Organisation">The subject O= value the member published, or empty.</param>
/// <param name="CertificateDigest">SHA-256 of the leaf certificate's DER.</param>
/// <param name="Issuer">The leaf's issuer (<see cref="IdentityKeys.IssuerId"/>).</param>
/// <param name="Serial">The leaf's serial number (DER INTEGER content).</param>
/// <param name="NotAfterMs">The leaf's notAfter, Unix milliseconds.</param>
/// <param name="VerifiedAtHeight">Height of the block that verified it.</param>
/// <param name="RevokedAtHeight">Height of the block whose CRL revoked it; 0 while not revoked.</param>
/// <param name="VerifiedMember">True when this certificate is what made the member verified (so its end takes the verification away).</param>
public sealed record CertifiedAffiliation(
    string Anchor,
    string Organisation,
    Hash256 CertificateDigest,
    Hash256 Issuer,
    byte[] Serial,
    ulong NotAfterMs,
    ulong VerifiedAtHeight,
    ulong RevokedAtHeight,
    bool VerifiedMember) : ICanonical<CertifiedAffiliation>
{
    /// <summary>Longest serial kept (20 octets and a sign byte).</summary>
    public const int MaxSerialBytes = 21;

    /// <summary>The affiliation's state at <paramref name="timeMs"/> under <paramref name="parameters"/>: revoked first, then a withdrawn anchor, then expiry.</summary>
    public AffiliationStatus StatusAt(ulong timeMs, ChainParameters parameters) =>
        RevokedAtHeight != 0 ? AffiliationStatus.Revoked
        : parameters.FindAnchor(Anchor) is null ? AffiliationStatus.AnchorWithdrawn
        : timeMs > NotAfterMs ? AffiliationStatus.Expired
        : AffiliationStatus.Verified;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Anchor);
        writer.WriteString(Organisation);
        writer.WriteHash(CertificateDigest);
        writer.WriteHash(Issuer);
        writer.WriteBytes(Serial);
        writer.WriteVarUInt(NotAfterMs);
        writer.WriteVarUInt(VerifiedAtHeight);
        writer.WriteVarUInt(RevokedAtHeight);
        writer.WriteBool(VerifiedMember);
    }

    /// <inheritdoc />
    public static CertifiedAffiliation Decode(ref CanonicalReader reader) => new(
        Identifier.Read(ref reader, "trust anchor"),
        reader.ReadString(AttestCertificate.MaxOrganisationBytes, "organisation"),
        reader.ReadHash(),
        reader.ReadHash(),
        reader.ReadBytes(MaxSerialBytes, "serial").ToArray(),
        reader.ReadVarUInt(),
        reader.ReadVarUInt(),
        reader.ReadVarUInt(),
        reader.ReadBool());

    /// <inheritdoc />
    public bool Equals(CertifiedAffiliation? other) =>
        other is not null && Canonical.ToBytes(this).AsSpan().SequenceEqual(Canonical.ToBytes(other));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Anchor, CertificateDigest, RevokedAtHeight);
}
