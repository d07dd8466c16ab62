using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Identities;

/// <summary>
/// The sender proves its affiliation with an X.509 certificate chain issued under the trust anchor
/// named <paramref name="Anchor"/> in the chain parameters. The leaf certificate's public key must
/// be the sender's own P-256 key (see docs/identities.md, "The binding"). The chain itself is not
/// kept in the state: only its digest and what the application verified.
/// </summary>
/// <param name="Anchor">The trust anchor's identifier.</param>
/// <param name="Organisation">What the member chooses to publish as its organisation: one of the leaf subject's O= values, or empty to publish none.</param>
/// <param name="Certificates">DER certificates, leaf first, then each issuer up to (not including) the anchor's root.</param>
public sealed record AttestCertificate(string Anchor, string Organisation, IReadOnlyList<byte[]> Certificates) : TxMessage
{
    /// <summary>Most certificates in the chain: the leaf and up to four intermediates.</summary>
    public const int MaxCertificates = 5;

    /// <summary>Longest published organisation, in UTF-8 bytes (X.520 allows 64 characters).</summary>
    public const int MaxOrganisationBytes = 256;

    /// <inheritdoc />
    public override MessageType Type => MessageType.AttestCertificate;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteString(Anchor);
        writer.WriteString(Organisation);
        DerList.Write(writer, Certificates);
    }

    /// <summary>Reads the body.</summary>
    public static AttestCertificate DecodeBody(ref CanonicalReader reader) => new(
        Identifier.Read(ref reader, "trust anchor"),
        reader.ReadString(MaxOrganisationBytes, "organisation"),
        DerList.Read(ref reader, 1, MaxCertificates, "certificate"));

    /// <inheritdoc />
    public bool Equals(AttestCertificate? other) =>
        other is not null && Anchor == other.Anchor && Organisation == other.Organisation && DerList.Same(Certificates, other.Certificates);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Anchor, Organisation, Certificates.Count);
}
