using Roundtable.Application.State;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Application.Validators;

/// <summary>A validator's record of proven equivocations: it is marked; what follows is governance's decision.</summary>
/// <param name="Evidence">Hashes of the evidence recorded against the validator, ascending.</param>
public sealed record MisbehaviourRecord(IReadOnlyList<Hash256> Evidence) : ICanonical<MisbehaviourRecord>
{
    /// <summary>Most pieces of evidence kept per validator.</summary>
    public const int MaxEvidence = 1024;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => SortedHashes.Write(writer, Evidence);

    /// <inheritdoc />
    public static MisbehaviourRecord Decode(ref CanonicalReader reader) => new(SortedHashes.Read(ref reader, MaxEvidence, "evidence"));
}

/// <summary>Recording evidence of equivocation in the state.</summary>
public static class EvidenceModule
{
    /// <summary>Evidence older than this many heights is refused: validators may have left and keys rotated since.</summary>
    public const ulong MaxAgeHeights = 1000;

    /// <summary>State key of one recorded piece of evidence.</summary>
    public static byte[] EvidenceKey(Hash256 hash) => StateKeys.Path("evidence/", hash);

    /// <summary>State key of a validator's misbehaviour record.</summary>
    public static byte[] MisbehaviourKey(Hash256 validatorKeyId) => StateKeys.Path("misbehaviour/", validatorKeyId);

    /// <summary>True when the evidence is already in the state.</summary>
    public static bool IsRecorded(StateView state, DuplicateVoteEvidence evidence) => state.Contains(EvidenceKey(evidence.Hash));

    /// <summary>Records the evidence and marks its validator.</summary>
    public static void Record(StateView state, DuplicateVoteEvidence evidence)
    {
        state.Put(EvidenceKey(evidence.Hash), evidence);
        var key = MisbehaviourKey(evidence.First.Validator.Id);
        var record = state.Get<MisbehaviourRecord>(key) ?? new MisbehaviourRecord([]);
        if (record.Evidence.Count < MisbehaviourRecord.MaxEvidence)
        {
            state.Put(key, new MisbehaviourRecord(SortedHashes.With(record.Evidence, evidence.Hash)));
        }
    }
}
