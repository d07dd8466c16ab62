using System.Text;
using Roundtable.Application.Validators;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Consensus;

namespace Roundtable.Application;

/// <summary>Reading what evidence of equivocation did: the evidence, and the suspensions it caused.</summary>
public sealed partial class LedgerApplication
{
    /// <summary>Every validator the rule acted on, by validator key id (ascending), with its record.</summary>
    public IReadOnlyList<(Hash256 Validator, SuspensionRecord Record)> ListSuspensions() =>
        [.. _map.EnumeratePrefix(EquivocationSuspension.Prefix).Select(e => (
            Hash256.Parse(Encoding.ASCII.GetString(e.Key.AsSpan(EquivocationSuspension.Prefix.Length))),
            Canonical.FromBytes<SuspensionRecord>(e.Value)))];

    /// <summary>
    /// Every validator the equivocation rule acted on, with its evidence and whether it is in the
    /// set deciding the next block (it is again once a proposal restores it).
    /// </summary>
    public IReadOnlyList<ValidatorAccountability> ReportAccountability()
    {
        var current = Validators.Set;
        return [.. ListSuspensions().Select(s => new ValidatorAccountability(s.Validator, s.Record, EvidenceAgainst(s.Validator), current.Validators.Any(v => v.Key.Id == s.Validator)))];
    }

    /// <summary>The evidence recorded against a validator, oldest hash first (by hash order); empty when none.</summary>
    public IReadOnlyList<DuplicateVoteEvidence> EvidenceAgainst(Hash256 validatorKeyId)
    {
        var state = Committed;
        var record = state.Get<MisbehaviourRecord>(EvidenceModule.MisbehaviourKey(validatorKeyId));
        return record is null
            ? []
            : [.. record.Evidence.Select(h => state.Get<DuplicateVoteEvidence>(EvidenceModule.EvidenceKey(h)) ?? throw new InvalidOperationException($"Evidence {h} is listed but not stored."))];
    }
}
