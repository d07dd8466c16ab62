using Roundtable.Core.Crypto;

namespace Roundtable.Ledger.Names;

/// <summary>
/// One DNS operator's DNSSEC key for a zone (RFC 8901 multi-signer: every operator signs with its
/// own key, no one holds a zone key). Algorithm 13 (ECDSA P-256/SHA-256), flags 257: the key signs
/// everything and a DS covers it. Published keys form the DNSKEY set; an operator signs only with
/// its active keys, so a rollover is publish (inactive), activate, remove — each a zone change.
/// </summary>
/// <param name="Operator">Who holds it, in words (e.g. the validator's operator).</param>
/// <param name="PublicKey">The 64-byte P-256 point, as DNSKEY algorithm 13 carries it (RFC 6605).</param>
/// <param name="Active">Whether its holder signs with it; an inactive key is only published.</param>
public sealed record ZoneSigningKey(string Operator, byte[] PublicKey, bool Active)
{
    /// <summary>Null when the key is a P-256 point and the operator a short text; otherwise why not.</summary>
    public string? Problem() =>
        Operator.Length is 0 or > 64 ? "a signing key names its operator in 1 to 64 characters"
        : PublicKey.Length != Core.Crypto.PublicKey.P256PointSize || !SignatureVerifier.IsValidKey(Core.Crypto.PublicKey.FromP256Point(PublicKey))
            ? $"the signing key of {Operator} is not a P-256 public key (64 bytes)"
            : null;

    /// <inheritdoc />
    public bool Equals(ZoneSigningKey? other) =>
        other is not null && Operator == other.Operator && Active == other.Active && PublicKey.AsSpan().SequenceEqual(other.PublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Operator, PublicKey.Length, Active);
}
