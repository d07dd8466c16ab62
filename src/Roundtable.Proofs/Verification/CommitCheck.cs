using Roundtable.Core.Crypto;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;

namespace Roundtable.Proofs.Verification;

/// <summary>
/// Checks a commit's signatures against a validator set and reports who signed, by stakeholder
/// group. Unlike <see cref="Commit.Verify"/> it can also count only the signers that belong to
/// another (trusted) set, which skipping verification needs.
/// </summary>
public static class CommitCheck
{
    /// <summary>
    /// Verifies every signature of <paramref name="commit"/> by a member of <paramref name="validators"/>
    /// and sums their power. Signatures by keys outside the set are ignored; a signature by a member
    /// that does not verify is a refutation.
    /// </summary>
    /// <returns>The signed power, or the reason naming the signature that failed.</returns>
    public static (ulong SignedPower, string? Problem) SignedPower(string chainId, Commit commit, ValidatorSet validators)
    {
        ulong power = 0;
        for (var i = 0; i < commit.Signatures.Count; i++)
        {
            var sig = commit.Signatures[i];
            var validator = validators.Find(sig.Validator);
            if (validator is null)
            {
                continue;
            }

            var payload = CanonicalVote.SigningPayload(chainId, VoteType.Precommit, commit.Height, commit.Round, commit.BlockId, sig.TimestampMs);
            if (!SignatureVerifier.Verify(sig.Validator, payload, sig.Signature))
            {
                return (0, $"commit signature {i + 1} of {commit.Signatures.Count}, by validator {validator.Name} ({validator.StakeholderGroup}), does not verify");
            }

            power += validator.Power;
        }

        return (power, null);
    }

    /// <summary>Signers and power per stakeholder group, in group order (the signatures are assumed verified).</summary>
    public static IReadOnlyList<SignerGroup> ByGroup(Commit commit, ValidatorSet validators)
    {
        var signed = new HashSet<Core.Hashing.Hash256>();
        foreach (var sig in commit.Signatures)
        {
            signed.Add(sig.Validator.Id);
        }

        return [.. validators.Validators
            .GroupBy(v => v.StakeholderGroup, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var signers = g.Where(v => signed.Contains(v.Key.Id)).ToList();
                return new SignerGroup(g.Key, signers.Count, g.Count(), Sum(signers), Sum(g));
            })];
    }

    private static ulong Sum(IEnumerable<Validator> validators)
    {
        ulong total = 0;
        foreach (var v in validators)
        {
            total += v.Power;
        }

        return total;
    }
}
