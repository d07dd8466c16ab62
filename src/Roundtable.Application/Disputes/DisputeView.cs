using Roundtable.Application.Governance.Proposals;

namespace Roundtable.Application.Disputes;

/// <summary>A dispute as readers see it: the record, its phase at the last block's time, and its appeal vote's status.</summary>
/// <param name="Dispute">The record.</param>
/// <param name="Phase">Where it stands.</param>
/// <param name="AppealStatus">The appeal vote's status, or null when not appealed.</param>
public sealed record DisputeView(DisputeRecord Dispute, DisputePhase Phase, ProposalStatus? AppealStatus);
