namespace Roundtable.Core.Crypto;

/// <summary>
/// The algorithm tag carried by every key and signature, so that another algorithm
/// (Ed25519, ML-DSA) can be added without a new format.
/// </summary>
public enum SignatureAlgorithm : byte
{
    /// <summary>ECDSA over NIST P-256 with SHA-256; keys are X‖Y (64 bytes), signatures r‖s (64 bytes) with low S.</summary>
    EcdsaP256Sha256 = 1,
}
