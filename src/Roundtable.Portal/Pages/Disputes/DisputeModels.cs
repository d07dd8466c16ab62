using Roundtable.Application;
using Roundtable.Application.Disputes;
using Roundtable.Application.Members;
using Roundtable.Core.Hashing;

namespace Roundtable.Portal.Pages.Disputes;

/// <summary>Every dispute with its phase, and the members named in them.</summary>
/// <param name="Disputes">The disputes, oldest first.</param>
/// <param name="Members">Parties by id (a party missing here is shown by its short id).</param>
public sealed record DisputeListModel(IReadOnlyList<DisputeView> Disputes, IReadOnlyDictionary<Hash256, MemberRecord> Members)
{
    /// <summary>Reads up to 1,000 disputes from committed state.</summary>
    public static DisputeListModel Read(LedgerApplication app)
    {
        var disputes = app.ListDisputes(1000).OrderBy(d => d.Dispute.FiledHeight).ThenBy(d => d.Dispute.Id).ToList();
        return new DisputeListModel(disputes, DisputeModel.MembersOf(app, disputes.SelectMany(d => new[] { d.Dispute.Claimant, d.Dispute.Respondent })));
    }
}

/// <summary>One dispute: its record, phase, statements and the members it names.</summary>
/// <param name="View">The dispute and its phase.</param>
/// <param name="Statements">The parties' statements in order.</param>
/// <param name="Members">Parties, panelists and signers, by id.</param>
/// <param name="NowMs">The last block's time.</param>
public sealed record DisputeModel(DisputeView View, IReadOnlyList<StatementRecord> Statements, IReadOnlyDictionary<Hash256, MemberRecord> Members, ulong NowMs)
{
    /// <summary>The record.</summary>
    public DisputeRecord Dispute => View.Dispute;

    /// <summary>Reads dispute <paramref name="id"/>, or null.</summary>
    public static DisputeModel? Read(LedgerApplication app, Hash256 id)
    {
        if (app.GetDispute(id) is not { } view)
        {
            return null;
        }

        var d = view.Dispute;
        var named = new[] { d.Claimant, d.Respondent }.Concat(d.Panel?.Members ?? []).Concat(d.Decision?.Signers ?? []);
        return new DisputeModel(view, app.ListStatements(id), MembersOf(app, named), app.LastBlockTimeMs);
    }

    /// <summary>The members among <paramref name="ids"/>, by id.</summary>
    internal static IReadOnlyDictionary<Hash256, MemberRecord> MembersOf(LedgerApplication app, IEnumerable<Hash256> ids) =>
        ids.Distinct().Select(app.GetMember).OfType<MemberRecord>().ToDictionary(m => m.Id);

    /// <summary>The steps of a dispute in order, each with whether it is done, under way or still to come.</summary>
    public IReadOnlyList<(string Key, StepState State)> Steps()
    {
        var order = new[] { "filed", "panel", "statements", "deliberation", "appeal", "outcome" };
        var current = View.Phase switch
        {
            DisputePhase.AwaitingPanel => 1,
            DisputePhase.Statements => 2,
            DisputePhase.Deliberation => 3,
            DisputePhase.AppealWindow or DisputePhase.Appealed => 4,
            _ => 5,
        };
        return [.. order.Select((key, i) => (key, i < current ? StepState.Done : i == current ? StepState.Current : StepState.Ahead))];
    }
}

/// <summary>Where a step of a dispute stands.</summary>
public enum StepState
{
    /// <summary>Over.</summary>
    Done,

    /// <summary>Under way now.</summary>
    Current,

    /// <summary>Still to come.</summary>
    Ahead,
}
