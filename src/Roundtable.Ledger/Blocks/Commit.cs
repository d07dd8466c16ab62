using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Blocks;

/// <summary>
/// Proof that a block was decided: precommits for its id from more than two thirds of the
/// voting power, ordered by validator key. The commit for height h travels in block h+1.
/// </summary>
public sealed class Commit
{
    private readonly CommitSignature[] _signatures;

    /// <summary>Creates a commit; signatures are sorted by validator key.</summary>
    public Commit(ulong height, uint round, Hash256 blockId, IEnumerable<CommitSignature> signatures)
    {
        Height = height;
        Round = round;
        BlockId = blockId;
        _signatures = [.. signatures];
        Array.Sort(_signatures, static (a, b) => a.Validator.CompareTo(b.Validator));
    }

    /// <summary>Height of the committed block.</summary>
    public ulong Height { get; }

    /// <summary>Round in which it was decided.</summary>
    public uint Round { get; }

    /// <summary>Id of the committed block.</summary>
    public Hash256 BlockId { get; }

    /// <summary>Precommits in validator key order.</summary>
    public IReadOnlyList<CommitSignature> Signatures => _signatures;

    /// <summary>
    /// Checks every signature against <paramref name="validators"/> and that the signers hold
    /// more than two thirds of the power. Returns null when valid, otherwise the reason.
    /// </summary>
    public string? Verify(string chainId, ValidatorSet validators)
    {
        ulong power = 0;
        PublicKey? previous = null;
        foreach (var sig in _signatures)
        {
            if (previous is not null && previous.CompareTo(sig.Validator) >= 0)
            {
                return "commit signatures are not in ascending validator order";
            }

            previous = sig.Validator;
            var validator = validators.Find(sig.Validator);
            if (validator is null)
            {
                return $"commit signed by {sig.Validator.Id.ToShortString()}, which is not a validator at height {Height}";
            }

            var payload = CanonicalVote.SigningPayload(chainId, VoteType.Precommit, Height, Round, BlockId, sig.TimestampMs);
            if (!SignatureVerifier.Verify(sig.Validator, payload, sig.Signature))
            {
                return $"invalid commit signature from validator {validator.Name}";
            }

            power += validator.Power;
        }

        return validators.IsQuorum(power) ? null : $"commit power {power} of {validators.TotalPower} is not more than two thirds";
    }

    /// <summary>
    /// BFT time: the power-weighted median of the signers' timestamps. Byzantine validators hold
    /// less than a third of the power, so they cannot move it outside the honest timestamps.
    /// </summary>
    public ulong MedianTime(ValidatorSet validators)
    {
        var weighted = new List<(ulong Time, ulong Power)>(_signatures.Length);
        ulong total = 0;
        foreach (var sig in _signatures)
        {
            var power = validators.Find(sig.Validator)?.Power ?? 0;
            weighted.Add((sig.TimestampMs, power));
            total += power;
        }

        weighted.Sort(static (a, b) => a.Time.CompareTo(b.Time));
        ulong accumulated = 0;
        foreach (var (time, power) in weighted)
        {
            accumulated += power;
            if ((UInt128)accumulated * 2 > total)
            {
                return time;
            }
        }

        throw new InvalidOperationException("A commit without signing power has no median time.");
    }

    /// <summary>Writes height, round, block id and signatures.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(Round);
        writer.WriteHash(BlockId);
        writer.WriteList(_signatures, static (w, s) => s.Encode(w));
    }

    /// <summary>Reads a commit; signatures must be in ascending validator order.</summary>
    public static Commit Decode(ref CanonicalReader reader)
    {
        var height = reader.ReadVarUInt();
        var round = (uint)reader.ReadVarUInt(uint.MaxValue, "round");
        var blockId = reader.ReadHash();
        var count = reader.ReadLength(ValidatorSet.MaxValidators, "commit signature count");
        var signatures = new CommitSignature[count];
        for (var i = 0; i < count; i++)
        {
            signatures[i] = CommitSignature.Decode(ref reader);
            if (i > 0 && signatures[i - 1].Validator.CompareTo(signatures[i].Validator) >= 0)
            {
                throw new DecodeException(DecodeError.NonCanonical, "Commit signatures must be in ascending validator order without duplicates.");
            }
        }

        return new Commit(height, round, blockId, signatures);
    }

    /// <summary>Decodes a commit that is the whole of <paramref name="encoded"/>.</summary>
    public static Commit Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new CanonicalReader(encoded);
        var commit = Decode(ref reader);
        reader.EnsureEnd();
        return commit;
    }

    /// <summary>The canonical encoding.</summary>
    public byte[] ToBytes()
    {
        var writer = new CanonicalWriter();
        Encode(writer);
        return writer.ToArray();
    }
}
