using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Identities;

/// <summary>The member a certificate (issuer, serial) verified: lets a CRL find the affiliations it revokes.</summary>
/// <param name="Member">The member's id.</param>
public sealed record CertificateHolder(Hash256 Member) : ICanonical<CertificateHolder>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteHash(Member);

    /// <inheritdoc />
    public static CertificateHolder Decode(ref CanonicalReader reader) => new(reader.ReadHash());
}

/// <summary>A serial an issuer's CRL listed: a later list may drop it (once expired), the revocation stays.</summary>
/// <param name="Height">Height of the block whose CRL first listed it.</param>
public sealed record RevokedSerial(ulong Height) : ICanonical<RevokedSerial>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteVarUInt(Height);

    /// <inheritdoc />
    public static RevokedSerial Decode(ref CanonicalReader reader) => new(reader.ReadVarUInt());
}

/// <summary>The last revocation list posted for an issuer; an older or equal one is refused.</summary>
/// <param name="Anchor">The trust anchor it chained to.</param>
/// <param name="Digest">SHA-256 of the CRL's DER.</param>
/// <param name="ThisUpdateMs">Its thisUpdate, Unix milliseconds.</param>
/// <param name="PostedAtHeight">Height of the block that posted it.</param>
/// <param name="Entries">How many serials it listed.</param>
public sealed record RevocationListRecord(string Anchor, Hash256 Digest, ulong ThisUpdateMs, ulong PostedAtHeight, uint Entries) : ICanonical<RevocationListRecord>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Anchor);
        writer.WriteHash(Digest);
        writer.WriteVarUInt(ThisUpdateMs);
        writer.WriteVarUInt(PostedAtHeight);
        writer.WriteVarUInt(Entries);
    }

    /// <inheritdoc />
    public static RevocationListRecord Decode(ref CanonicalReader reader) => new(
        Ledger.Identifier.Read(ref reader, "trust anchor"),
        reader.ReadHash(),
        reader.ReadVarUInt(),
        reader.ReadVarUInt(),
        (uint)reader.ReadVarUInt(DerRevocationList.MaxEntries, "entries"));
}
