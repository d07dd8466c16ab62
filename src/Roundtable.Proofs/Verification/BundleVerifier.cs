using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Merkle;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Proofs.Verification;

/// <summary>
/// Checks a proof bundle offline, with nothing but SHA-256 and P-256 (docs/proofs.md §4):
/// the anchor is the one the person trusts; each header, in height order, is decided by more than
/// two thirds of the validator set the links so far put in charge, and a header that changes the
/// set carries the new set; each claim holds against its header's roots. Never throws on a
/// decoded bundle: every failure is a refutation naming its part.
/// </summary>
public static class BundleVerifier
{
    /// <summary>Verifies <paramref name="bundle"/> against the hash the person trusts (a genesis hash or a block id).</summary>
    public static BundleVerification Verify(ProofBundle bundle, Hash256 trusted)
    {
        var accepted = new List<VerifiedHeader>();
        var claims = new List<ProvenClaim>();
        BundleVerification Refute(string part, string reason) => new(false, part, reason, bundle.Anchor, accepted, claims);

        if (bundle.Anchor.Hash != trusted)
        {
            return Refute("trust anchor", $"the bundle starts from {AnchorName(bundle.Anchor)} {bundle.Anchor.Hash}, but you trust {trusted}: it is another chain or another point of it");
        }

        if (bundle.Anchor is GenesisAnchor genesis && genesis.ChainId != bundle.ChainId)
        {
            return Refute("trust anchor", $"the genesis is of chain '{genesis.ChainId}', the bundle of '{bundle.ChainId}'");
        }

        // Claims may be about the trusted header itself, or any header accepted below.
        var byHeight = new SortedDictionary<ulong, (BlockHeader Header, VerifiedHeader Verified)>();
        if (bundle.Anchor is HeaderAnchor trustedHeader)
        {
            byHeight[trustedHeader.Header.Height] = (trustedHeader.Header, Trusted(trustedHeader.Header));
        }

        var trustedSet = bundle.Anchor.NextValidators;
        var previousHeight = bundle.Anchor.Height;

        foreach (var entry in bundle.Headers)
        {
            var header = entry.Header;
            var part = $"header {header.Height}";
            if (header.ChainId != bundle.ChainId)
            {
                return Refute(part, $"it is a header of chain '{header.ChainId}', not '{bundle.ChainId}'");
            }

            if (header.Height <= previousHeight)
            {
                return Refute(part, $"headers must ascend from the trust anchor; it follows height {previousHeight}");
            }

            if (header.ValidatorSetHash != trustedSet.Hash)
            {
                return Refute(
                    $"validator-set link before header {header.Height}",
                    $"the header names validator set {header.ValidatorSetHash.ToShortString()}, but the links from the trust anchor put set {trustedSet.Hash.ToShortString()} in charge at that height: a validator-set change is missing or forged");
            }

            if (entry.Commit.Height != header.Height || entry.Commit.BlockId != header.Id)
            {
                return Refute(
                    $"{part} commit",
                    $"the commit is for block {entry.Commit.BlockId.ToShortString()} at height {entry.Commit.Height}, but the header hashes to {header.Id.ToShortString()}: a header field or the commit was changed");
            }

            foreach (var sig in entry.Commit.Signatures)
            {
                if (trustedSet.Find(sig.Validator) is null)
                {
                    return Refute($"{part} commit", $"it is signed by {sig.Validator.Id.ToShortString()}, which is not a validator of that height");
                }
            }

            var (signed, problem) = CommitCheck.SignedPower(bundle.ChainId, entry.Commit, trustedSet);
            if (problem is not null)
            {
                return Refute($"{part} commit", problem);
            }

            if (!trustedSet.IsQuorum(signed))
            {
                return Refute($"{part} commit", $"its signers hold {signed} of {trustedSet.TotalPower} voting power, not more than two thirds");
            }

            if (entry.ChangesValidators)
            {
                if (entry.NextValidators is null || entry.NextValidators.Hash != header.NextValidatorSetHash)
                {
                    return Refute($"validator-set link at header {header.Height}", "the new validator set does not hash to the one the header names");
                }
            }
            else if (entry.NextValidators is not null)
            {
                return Refute($"validator-set link at header {header.Height}", "the header keeps its validator set, yet a new set travels with it");
            }

            var verified = new VerifiedHeader(header.Height, header.Id, header.TimeMs, signed, trustedSet.TotalPower, CommitCheck.ByGroup(entry.Commit, trustedSet), entry.ChangesValidators);
            accepted.Add(verified);
            byHeight[header.Height] = (header, verified);
            trustedSet = entry.NextValidators ?? trustedSet;
            previousHeight = header.Height;
        }

        for (var i = 0; i < bundle.Claims.Count; i++)
        {
            var claim = bundle.Claims[i];
            var part = $"claim {i + 1} ({Describe(claim)})";
            if (!byHeight.TryGetValue(claim.Height, out var at))
            {
                return Refute(part, $"no verified header at height {claim.Height} in the bundle");
            }

            var problem = Check(claim, at.Header);
            if (problem is not null)
            {
                return Refute(part, problem);
            }

            claims.Add(new ProvenClaim(claim, at.Verified));
        }

        return new BundleVerification(true, null, null, bundle.Anchor, accepted, claims);
    }

    /// <summary>A short description of what a claim is about.</summary>
    public static string Describe(ProofClaim claim) => claim switch
    {
        TransactionClaim t => $"transaction {Hash256.Compute(t.Transaction).ToShortString()} in block {t.Height}",
        StateClaim s => $"state key {System.Text.Encoding.UTF8.GetString(s.Key)} at block {s.Height}",
        _ => "unknown claim",
    };

    private static string? Check(ProofClaim claim, BlockHeader header) => claim switch
    {
        TransactionClaim t => t.Path.Verify(MerkleTree.HashLeaf(t.Transaction), header.TxRoot)
            ? null
            : $"its Merkle path ({t.Path.Path.Count} steps from leaf {t.Path.LeafIndex} of {t.Path.TreeSize}) does not lead to the header's transaction root {header.TxRoot.ToShortString()}",
        StateClaim { Value: { } value } s => s.Proof.VerifyMembership(header.StateRoot, s.Key, value)
            ? null
            : $"its Merkle path ({s.Proof.Siblings.Count} steps) does not lead from this key and value to the header's state root {header.StateRoot.ToShortString()}",
        StateClaim s => s.Proof.VerifyNonMembership(header.StateRoot, s.Key)
            ? null
            : $"its Merkle path ({s.Proof.Siblings.Count} steps) does not show the key absent under the header's state root {header.StateRoot.ToShortString()}",
        _ => "unknown claim type",
    };

    private static VerifiedHeader Trusted(BlockHeader header) => new(header.Height, header.Id, header.TimeMs, 0, 0, [], false);

    private static string AnchorName(TrustAnchor anchor) => anchor is GenesisAnchor ? "genesis" : "block";
}
