using Roundtable.Application;
using Roundtable.Application.DataPractices;
using Roundtable.Application.Members;
using Roundtable.Application.Parameters;
using Roundtable.Core.Hashing;

namespace Roundtable.Portal.Pages.Practices;

/// <summary>The register page: the map's figures, the filters as asked, the statements they admit.</summary>
/// <param name="Parameters">The chain's parameters (region names).</param>
/// <param name="Figures">Organisations storing and processing data per region, over every statement in force.</param>
/// <param name="Filter">The filters the reader chose.</param>
/// <param name="Entries">The statements the filters admit.</param>
/// <param name="Categories">Every data category named by a statement in force, for the filter's choices.</param>
/// <param name="Members">The publishing members.</param>
/// <param name="Problem">Why the filters cannot be used, or null.</param>
public sealed record PracticesModel(
    ChainParameters Parameters,
    IReadOnlyList<RegionFigures> Figures,
    PracticeFilter Filter,
    IReadOnlyList<PracticeEntry> Entries,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<Hash256, MemberRecord> Members,
    string? Problem)
{
    /// <summary>Reads the register from committed state; a filter that cannot match leaves the list empty and says why.</summary>
    public static PracticesModel Read(LedgerApplication app, PracticeFilter filter)
    {
        var problem = filter.Problem(app.Parameters.Regions.Select(r => r.Id));
        var inForce = app.ListPracticeStatements(PracticeFilter.All);
        var entries = problem is null ? app.ListPracticeStatements(filter) : [];
        var categories = inForce.SelectMany(e => e.Current.Statement.DataCategories).Distinct().Order(StringComparer.Ordinal).ToList();
        return new PracticesModel(app.Parameters, app.CountPracticesByRegion(), filter, entries, categories, PracticeMembers.Of(app, entries.Select(e => e.Head.Author)), problem);
    }
}

/// <summary>A statement's page: its history (versions, comments, disputes) and the members named in it.</summary>
/// <param name="History">The statement.</param>
/// <param name="Members">Its publisher and commenters.</param>
/// <param name="Parameters">The chain's parameters (region names).</param>
public sealed record PracticeModel(PracticeHistory History, IReadOnlyDictionary<Hash256, MemberRecord> Members, ChainParameters Parameters)
{
    /// <summary>Reads the statement named by its id or a version's digest, or null.</summary>
    public static PracticeModel? Read(LedgerApplication app, Hash256 digest) =>
        app.GetPracticeStatement(digest) is { } history
            ? new PracticeModel(history, PracticeMembers.Of(app, history.Comments.Select(c => c.Author).Append(history.Entry.Head.Author)), app.Parameters)
            : null;
}

/// <summary>The member records of the ids given, for display names.</summary>
internal static class PracticeMembers
{
    public static IReadOnlyDictionary<Hash256, MemberRecord> Of(LedgerApplication app, IEnumerable<Hash256> ids) =>
        ids.Distinct().Select(app.GetMember).OfType<MemberRecord>().ToDictionary(m => m.Id);
}
