namespace Roundtable.Core.Crypto;

/// <summary>
/// The algorithm tag carried by every key and signature, so that another algorithm
/// (Ed25519, ML-DSA) can be added without a new format.
/// </summary>
public enum SignatureAlgorithm : byte
{
    /// <summary>ECDSA over NIST P-256 with SHA-256; keys are X‖Y (64 bytes), signatures r‖s (64 bytes) with low S.</summary>
    EcdsaP256Sha256 = 1,

    /// <summary>
    /// A passkey: a WebAuthn (ES256) credential. The key is the same P-256 X‖Y point; a signature
    /// carries the authenticator data and client data JSON of a WebAuthn assertion whose challenge
    /// is SHA-256 of the message, and r‖s (low S) over authenticatorData ‖ SHA-256(clientDataJSON).
    /// Keys of one tag only ever accept signatures of the same tag.
    /// </summary>
    WebAuthnP256 = 2,
}
