using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Roundtable.Portal.Assets;
using Roundtable.Portal.Localization;

namespace Roundtable.Portal.Hosting;

/// <summary>What every page needs besides its own data: the reader's language, the other languages and where the page is.</summary>
/// <param name="Language">The reader's language.</param>
/// <param name="Languages">Every language, for the switcher.</param>
/// <param name="Path">The request path.</param>
/// <param name="Query">The query string, without the language switch.</param>
/// <param name="Assets">The embedded assets, for their versioned URLs.</param>
public sealed record PageContext(Language Language, IReadOnlyList<Language> Languages, string Path, IReadOnlyDictionary<string, string?> Query, StaticAssets Assets)
{
    /// <summary>This page in <paramref name="other"/>: the same address with ?lang= set.</summary>
    public string In(Language other)
    {
        var query = new Dictionary<string, string?>(Query, StringComparer.Ordinal) { [LanguageChooser.QueryParameter] = other.Code };
        return QueryHelpers.AddQueryString(Path, query);
    }

    internal static PageContext For(HttpContext context, Language language, LanguageCatalog catalog, StaticAssets assets) =>
        new(
            language,
            catalog.All,
            context.Request.PathBase + context.Request.Path,
            context.Request.Query
                .Where(q => q.Key != LanguageChooser.QueryParameter)
                .ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal),
            assets);
}
