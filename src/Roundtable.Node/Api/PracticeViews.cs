using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Roundtable.Application;
using Roundtable.Application.DataPractices;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Json;

namespace Roundtable.Node.Api;

/// <summary>JSON and CSV views of the data-practice register.</summary>
public static class PracticeViews
{
    /// <summary>The columns of the CSV export, in order (docs/data-practices.md §5).</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "statement", "version", "version_number", "status", "organisation", "organisation_name", "title", "data_categories", "purpose",
        "legal_basis", "retention", "stored_in", "processed_in", "transfers", "contact", "published_height", "published_at", "comments", "disputes",
    ];

    /// <summary>A statement in a list: its current version, who publishes it, where it stands.</summary>
    public static JsonObject Entry(LedgerApplication app, PracticeEntry e) => new()
    {
        ["id"] = e.Head.Id.ToString(),
        ["current"] = e.Head.Current.ToString(),
        ["status"] = PracticeEntry.Name(e.Standing),
        ["organisation"] = Organisation(app, e),
        ["versions"] = e.Head.Versions,
        ["comments"] = e.Head.Comments,
        ["publishedHeight"] = e.Current.Height,
        ["publishedAt"] = ApiViews.Time(e.Current.TimeMs),
        ["statement"] = PracticeMessageJson.Statement(e.Current.Statement),
    };

    /// <summary>A statement with every version (newest first, each with its anchor), its comments and the disputes about it.</summary>
    public static JsonObject History(LedgerApplication app, PracticeHistory h)
    {
        var view = Entry(app, h.Entry);
        view["versionHistory"] = new JsonArray([.. h.Versions.Select(v => (JsonNode)new JsonObject
        {
            ["digest"] = v.Version.Digest.ToString(),
            ["number"] = v.Version.Number,
            ["status"] = h.StatusOf(v),
            ["previous"] = v.Version.Document.Previous?.ToString(),
            ["publishedHeight"] = v.Version.Height,
            ["publishedAt"] = ApiViews.Time(v.Version.TimeMs),
            ["reasonReplaced"] = v.Anchor.Status == AnchorStatus.Active ? null : v.Anchor.StatusReason,
            ["anchorStateKey"] = Encoding.ASCII.GetString(NotaryKeys.Anchor(v.Version.Digest)),
            ["document"] = Convert.ToHexStringLower(v.Version.Document.ToBytes()),
            ["statement"] = PracticeMessageJson.Statement(v.Version.Statement),
        })]);
        view["commentList"] = new JsonArray([.. h.Comments.Select(c => (JsonNode)new JsonObject
        {
            ["version"] = c.Version.ToString(),
            ["author"] = c.Author.ToString(),
            ["authorName"] = app.GetMember(c.Author)?.DisplayName,
            ["text"] = c.Text,
            ["height"] = c.Height,
            ["time"] = ApiViews.Time(c.TimeMs),
        })]);
        view["disputes"] = new JsonArray([.. h.Disputes.Select(d => (JsonNode)new JsonObject
        {
            ["dispute"] = d.Dispute.ToString(),
            ["version"] = d.Version.ToString(),
            ["status"] = d.Status,
            ["filedHeight"] = d.FiledHeight,
        })]);
        return view;
    }

    /// <summary>Organisations storing and processing data in each region, with the region's name.</summary>
    public static JsonObject Map(LedgerApplication app) => new()
    {
        ["regions"] = new JsonArray([.. app.CountPracticesByRegion().Select(f => (JsonNode)new JsonObject
        {
            ["id"] = f.Region,
            ["name"] = app.Parameters.Regions.First(r => r.Id == f.Region).Name,
            ["storing"] = f.Storing,
            ["processing"] = f.Processing,
        })]),
    };

    /// <summary>The whole register, withdrawn statements included, each with its history.</summary>
    public static JsonObject Export(LedgerApplication app) => new()
    {
        ["height"] = app.Height,
        ["statements"] = new JsonArray([.. Histories(app).Select(h => (JsonNode)History(app, h))]),
    };

    /// <summary>The whole register as CSV: a header, then one row per version of every statement (newest version first).</summary>
    public static string ExportCsv(LedgerApplication app)
    {
        var csv = new StringBuilder();
        Csv.AppendRow(csv, CsvColumns);
        foreach (var h in Histories(app))
        {
            foreach (var v in h.Versions)
            {
                var s = v.Version.Statement;
                Csv.AppendRow(csv,
                [
                    h.Entry.Head.Id.ToString(), v.Version.Digest.ToString(), Number(v.Version.Number), h.StatusOf(v),
                    h.Entry.Head.Author.ToString(), app.GetMember(h.Entry.Head.Author)?.DisplayName ?? string.Empty, s.Title,
                    string.Join(';', s.DataCategories), s.Purpose, s.LegalBasis, s.Retention, string.Join(';', s.StoredIn), string.Join(';', s.ProcessedIn),
                    string.Join(';', s.Transfers.Select(t => $"{t.Region}:{t.Basis}:{t.Recipient}")), s.Contact,
                    Number(v.Version.Height), ApiViews.Time(v.Version.TimeMs),
                    Number(h.Comments.Count(c => c.Version == v.Version.Digest)), Number(h.Disputes.Count(d => d.Version == v.Version.Digest)),
                ]);
            }
        }

        return csv.ToString();
    }

    private static IEnumerable<PracticeHistory> Histories(LedgerApplication app) =>
        app.ListPracticeStatements(new PracticeFilter(IncludeWithdrawn: true)).Select(e => app.GetPracticeStatement(e.Head.Id)!);

    private static JsonObject Organisation(LedgerApplication app, PracticeEntry e) => new()
    {
        ["member"] = e.Head.Author.ToString(),
        ["name"] = app.GetMember(e.Head.Author)?.DisplayName,
    };

    private static string Number(ulong n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
