using Roundtable.Application.Disputes;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application;

/// <summary>Read views of disputes over the committed state.</summary>
public sealed partial class LedgerApplication
{
    /// <summary>A dispute with its phase at the last block's time, or null.</summary>
    public DisputeView? GetDispute(Hash256 id) =>
        DisputesModule.Get(Committed, id) is { } dispute ? View(dispute) : null;

    /// <summary>Disputes in id order, at most <paramref name="limit"/>, with their phases.</summary>
    public IReadOnlyList<DisputeView> ListDisputes(int limit) =>
        [.. _map.EnumeratePrefix(DisputeKeys.DisputePrefix).Take(limit).Select(e => View(Canonical.FromBytes<DisputeRecord>(e.Value)))];

    /// <summary>A dispute's statements in the order made.</summary>
    public IReadOnlyList<StatementRecord> ListStatements(Hash256 dispute) =>
        [.. _map.EnumeratePrefix(DisputeKeys.StatementsOf(dispute)).Select(e => Canonical.FromBytes<StatementRecord>(e.Value))];

    /// <summary>The roster of volunteer arbitrators, by member id.</summary>
    public IReadOnlyList<ArbitratorEntry> ListArbitrators() =>
        [.. _map.EnumeratePrefix(DisputeKeys.RosterPrefix).Select(e => Canonical.FromBytes<ArbitratorEntry>(e.Value))];

    /// <summary>The suspension of a member's right to vote in force now, or null.</summary>
    public VotingSuspension? GetVotingSuspension(Hash256 member) => DisputesModule.VotingSuspendedAt(Committed, member, LastBlockTimeMs);

    private DisputeView View(DisputeRecord dispute) =>
        new(dispute, DisputesModule.PhaseOf(Committed, dispute, LastBlockTimeMs), DisputesModule.AppealStatus(Committed, dispute));
}
