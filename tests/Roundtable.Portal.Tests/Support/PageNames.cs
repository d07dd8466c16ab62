namespace Roundtable.Portal.Tests.Support;

/// <summary>Every page of the portal as theory data (see <see cref="SeededNode.PathOf"/>), and the languages.</summary>
public static class PageNames
{
    public static readonly string[] All =
        ["home", "blocks", "block", "transaction", "power", "proposals", "proposal", "sessions", "session", "session-report", "anchors", "anchor", "verify", "join", "members", "member", "room", "names", "name", "disputes", "dispute", "practices", "practice", "assessment"];

    public static TheoryData<string> Pages() => [.. All];

    public static TheoryData<string, string> PagesInEachLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in All)
        {
            data.Add(page, "en");
            data.Add(page, "fr");
        }

        return data;
    }

    /// <summary><paramref name="path"/> with ?lang= set.</summary>
    public static string In(string path, string language) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language;
}
