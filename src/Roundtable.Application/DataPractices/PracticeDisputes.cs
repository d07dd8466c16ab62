using Roundtable.Application.Disputes;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;
using Roundtable.Merkle;

namespace Roundtable.Application.DataPractices;

/// <summary>A dispute about one version of a statement, as the register shows it.</summary>
/// <param name="Dispute">The dispute's id.</param>
/// <param name="Version">The version (anchor) in dispute.</param>
/// <param name="Status">The disputes module's name for where it stands ("open", "decided", …).</param>
/// <param name="FiledHeight">Height at which it was filed.</param>
public sealed record PracticeDispute(Hash256 Dispute, Hash256 Version, string Status, ulong FiledHeight);

/// <summary>
/// Where the disputes module plugs into the register: a dispute about a statement is a dispute whose
/// subject is one of its versions' anchors, read from the disputes module's index by subject.
/// </summary>
public static class PracticeDisputes
{
    /// <summary>Disputes whose subject is one of <paramref name="versions"/>, with their phases at block time <paramref name="nowMs"/>.</summary>
    public static IReadOnlyList<PracticeDispute> About(SparseMerkleMap state, IReadOnlyList<Hash256> versions, ulong nowMs)
    {
        var view = new StateView(state);
        return [.. versions.SelectMany(version => DisputesModule.About(view, version)
            .Select(d => new PracticeDispute(d.Id, version, DisputesModule.PhaseOf(view, d, nowMs).Name(), d.FiledHeight)))];
    }
}
