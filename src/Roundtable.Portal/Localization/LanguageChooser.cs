using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Roundtable.Portal.Localization;

/// <summary>
/// Picks the reader's language: <c>?lang=</c> first (and remembers it in a cookie), then that
/// cookie, then the browser's Accept-Language, then English.
/// </summary>
public sealed class LanguageChooser(LanguageCatalog catalog)
{
    /// <summary>The query parameter that switches language.</summary>
    public const string QueryParameter = "lang";

    /// <summary>The cookie that remembers a language chosen with <see cref="QueryParameter"/>.</summary>
    public const string CookieName = "roundtable-lang";

    /// <summary>The reader's language for this request; remembers an explicit choice.</summary>
    public Language Choose(HttpContext context)
    {
        var request = context.Request;
        if (catalog.Find(request.Query[QueryParameter]) is { } asked)
        {
            context.Response.Cookies.Append(CookieName, asked.Code, new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(365),
            });
            return asked;
        }

        return catalog.Find(request.Cookies[CookieName]) ?? FromAcceptLanguage(request) ?? catalog.Fallback;
    }

    private Language? FromAcceptLanguage(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage.ToString();
        if (!StringWithQualityHeaderValue.TryParseList(header.Split(','), out var ranges))
        {
            return null;
        }

        return ranges
            .Where(r => r.Quality is null or > 0)
            .OrderByDescending(r => r.Quality ?? 1)
            .Select(r => catalog.Find(r.Value.Value?.Split('-')[0]))
            .FirstOrDefault(l => l is not null);
    }
}
