using Roundtable.Core.Hashing;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Proofs.Verification;

/// <summary>A header the verifier accepted: decided by more than two thirds of the set trusted for its height.</summary>
/// <param name="Height">The block height.</param>
/// <param name="BlockId">The header's hash.</param>
/// <param name="TimeMs">Its BFT time, Unix milliseconds.</param>
/// <param name="SignedPower">Power of the validators whose signatures verified.</param>
/// <param name="TotalPower">Power of the whole set.</param>
/// <param name="Groups">Signers per stakeholder group.</param>
/// <param name="ChangesValidators">True when this header hands over to a new validator set.</param>
public sealed record VerifiedHeader(ulong Height, Hash256 BlockId, ulong TimeMs, ulong SignedPower, ulong TotalPower, IReadOnlyList<SignerGroup> Groups, bool ChangesValidators);

/// <summary>A claim the verifier accepted, with the header it was checked against.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Header">The accepted header at the claim's height.</param>
public sealed record ProvenClaim(ProofClaim Claim, VerifiedHeader Header);

/// <summary>
/// The outcome of checking a bundle. When <see cref="IsVerified"/> is false, <see cref="Part"/>
/// names the part that failed (the anchor, a header, a signature, a validator-set link, a claim or
/// the file) and <see cref="Reason"/> says how; the lists hold what was accepted before the failure.
/// </summary>
/// <param name="IsVerified">True when every part checked out.</param>
/// <param name="Part">The failing part, or null.</param>
/// <param name="Reason">Why it failed, or null.</param>
/// <param name="Anchor">What was trusted.</param>
/// <param name="Headers">Accepted headers, ascending.</param>
/// <param name="Claims">Accepted claims, in bundle order.</param>
public sealed record BundleVerification(bool IsVerified, string? Part, string? Reason, TrustAnchor Anchor, IReadOnlyList<VerifiedHeader> Headers, IReadOnlyList<ProvenClaim> Claims)
{
    /// <summary>Number of validator-set changes the bundle carried trust across.</summary>
    public int ValidatorSetChanges => Headers.Count(h => h.ChangesValidators);
}
