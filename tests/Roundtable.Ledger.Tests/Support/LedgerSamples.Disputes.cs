using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>Samples of the dispute messages (type tags 112–127), at and inside the decoders' bounds.</summary>
internal sealed partial class LedgerSamples
{
    /// <summary>The message with one field changed, or null when it is not a dispute message.</summary>
    public static TxMessage? AlteredDisputeMessage(TxMessage message) => message switch
    {
        VolunteerAsArbitrator m => new VolunteerAsArbitrator(!m.Serving),
        FileDispute m => m with { Claim = m.Claim == "x" ? "y" : "x" },
        DeclareConflict m => new DeclareConflict(Other(m.Dispute)),
        SubmitStatement m => m with { Text = m.Text == "x" ? "y" : "x" },
        DecideDispute m => m with { Rationale = m.Rationale == "x" ? "y" : "x" },
        AppealDecision m => m with { Reason = m.Reason == "x" ? "y" : "x" },
        ExecuteRemedy m => new ExecuteRemedy(Other(m.Dispute)),
        _ => null,
    };

    private TxMessage DisputeMessage(MessageType type, string chainId) => type switch
    {
        MessageType.VolunteerAsArbitrator => new VolunteerAsArbitrator(_random.Next(2) == 0),
        MessageType.FileDispute => new FileDispute(Subject(), Text(1, DisputeLimits.MaxClaimBytes), Evidence()),
        MessageType.DeclareConflict => new DeclareConflict(Hash()),
        MessageType.SubmitStatement => new SubmitStatement(Hash(), Text(1, DisputeLimits.MaxStatementBytes), Evidence()),
        MessageType.DecideDispute => Decision(chainId),
        MessageType.AppealDecision => new AppealDecision(Hash(), Text(1, DisputeLimits.MaxReasonBytes)),
        MessageType.ExecuteRemedy => new ExecuteRemedy(Hash()),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a dispute message."),
    };

    private DisputeSubject Subject() => _random.Next(4) switch
    {
        0 => DisputeSubject.OfName(ZoneName(), Label()),
        1 => DisputeSubject.OfAnchor(Hash()),
        2 => DisputeSubject.OfMember(Hash()),
        _ => DisputeSubject.OfDecision(Hash()),
    };

    private Hash256[] Evidence() => [.. Enumerable.Range(0, BoundaryLength(0, DisputeLimits.MaxEvidence)).Select(_ => Hash()).Distinct().Order()];

    private DecideDispute Decision(string chainId)
    {
        var remedy = _random.Next(5) switch
        {
            0 => Remedy.Nothing,
            1 => Remedy.Transfer(Hash()),
            2 => Remedy.Revoke,
            3 => Remedy.Suspend(RemedyKind.SuspendName, (ulong)_random.NextInt64(1, long.MaxValue)),
            _ => Remedy.Suspend(RemedyKind.SuspendVoting, (ulong)_random.NextInt64(1, long.MaxValue)),
        };
        var decision = new DisputeDecision(chainId, Hash(), remedy, Text(1, DisputeDecision.MaxRationaleBytes));
        var signatures = Enumerable.Range(0, BoundaryLength(0, DisputeLimits.MaxPanel))
            .Select(_ => _sign ? decision.SignWith(AnyKey()) : new PanelSignature(AnyKey().PublicKey, RandomSignature()))
            .ToList();
        return new DecideDispute(decision.Dispute, remedy, decision.Rationale, signatures);
    }
}
