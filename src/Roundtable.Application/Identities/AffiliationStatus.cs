namespace Roundtable.Application.Identities;

/// <summary>What a certificate affiliation says at a given block time.</summary>
public enum AffiliationStatus
{
    /// <summary>Verified and still within the certificate's validity.</summary>
    Verified,

    /// <summary>The certificate's notAfter has passed.</summary>
    Expired,

    /// <summary>A revocation list of its issuer listed it.</summary>
    Revoked,

    /// <summary>Its trust anchor is no longer in the chain parameters.</summary>
    AnchorWithdrawn,
}
