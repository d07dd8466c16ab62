using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Identities;

/// <summary>
/// Posts a certificate revocation list (RFC 5280 §5) signed by the trust anchor named
/// <paramref name="Anchor"/> or by an intermediate it certified. Any member may post one: the
/// signature, not the sender, is what counts. Affiliations whose certificate serial it lists are
/// revoked from the block that includes it.
/// </summary>
/// <param name="Anchor">The trust anchor's identifier.</param>
/// <param name="RevocationList">The DER CRL, at most <see cref="MaxRevocationListBytes"/>.</param>
/// <param name="Issuers">DER certificates: the CRL's signer first, then its issuers up to (not including) the anchor's root; empty when the root signs.</param>
public sealed record PostRevocationList(string Anchor, byte[] RevocationList, IReadOnlyList<byte[]> Issuers) : TxMessage
{
    /// <summary>Largest CRL accepted, in bytes (about a thousand entries).</summary>
    public const int MaxRevocationListBytes = 48 * 1024;

    /// <summary>Most certificates between the CRL's signer and the anchor's root.</summary>
    public const int MaxIssuers = 4;

    /// <inheritdoc />
    public override MessageType Type => MessageType.PostRevocationList;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteString(Anchor);
        writer.WriteBytes(RevocationList);
        DerList.Write(writer, Issuers);
    }

    /// <summary>Reads the body.</summary>
    public static PostRevocationList DecodeBody(ref CanonicalReader reader)
    {
        var anchor = Identifier.Read(ref reader, "trust anchor");
        var crl = reader.ReadBytes(MaxRevocationListBytes, "revocation list").ToArray();
        if (crl.Length == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, "An empty revocation list.");
        }

        return new PostRevocationList(anchor, crl, DerList.Read(ref reader, 0, MaxIssuers, "issuer certificate"));
    }

    /// <inheritdoc />
    public bool Equals(PostRevocationList? other) =>
        other is not null && Anchor == other.Anchor && RevocationList.AsSpan().SequenceEqual(other.RevocationList) && DerList.Same(Issuers, other.Issuers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Anchor, RevocationList.Length, Issuers.Count);
}
