using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Consensus;

/// <summary>
/// Proof that a validator signed two different votes for the same height, round and step: the one
/// thing an honest validator never does. Recorded on chain; what to do about it is governance's.
/// Canonical form: the two votes ordered by their encoding.
/// </summary>
public sealed record DuplicateVoteEvidence : ICanonical<DuplicateVoteEvidence>
{
    /// <summary>Creates evidence from two conflicting votes, in canonical order.</summary>
    public DuplicateVoteEvidence(Vote a, Vote b)
    {
        var ea = Canonical.ToBytes(a);
        var eb = Canonical.ToBytes(b);
        (First, Second) = ea.AsSpan().SequenceCompareTo(eb) <= 0 ? (a, b) : (b, a);
        Hash = Hash256.Compute(Canonical.ToBytes(this));
    }

    /// <summary>The vote whose encoding sorts first.</summary>
    public Vote First { get; }

    /// <summary>The other vote.</summary>
    public Vote Second { get; }

    /// <summary>Identifies the evidence (and deduplicates it): SHA-256 of the encoding, computed once (pools and blocks compare it often).</summary>
    public Hash256 Hash { get; }

    /// <summary>
    /// Null when the two votes really conflict and are signed by a member of <paramref name="validators"/>;
    /// otherwise the reason the evidence is refused.
    /// </summary>
    public string? Verify(string chainId, ValidatorSet validators)
    {
        if (First.Type != Second.Type || First.Height != Second.Height || First.Round != Second.Round || !First.Validator.Equals(Second.Validator))
        {
            return "the votes are not from the same validator, height, round and step";
        }

        if (First.BlockId == Second.BlockId)
        {
            return "the votes are for the same block";
        }

        if (validators.Find(First.Validator) is null)
        {
            return "the signer is not a validator";
        }

        return First.VerifySignature(chainId) && Second.VerifySignature(chainId) ? null : "a vote signature does not verify";
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        First.Encode(writer);
        Second.Encode(writer);
    }

    /// <inheritdoc />
    public static DuplicateVoteEvidence Decode(ref CanonicalReader reader)
    {
        var a = Vote.Decode(ref reader);
        var b = Vote.Decode(ref reader);
        var evidence = new DuplicateVoteEvidence(a, b);
        if (!ReferenceEquals(evidence.First, a))
        {
            throw new DecodeException(DecodeError.NonCanonical, "Evidence votes must be in canonical order.");
        }

        return evidence;
    }
}
