using Microsoft.AspNetCore.Http;

namespace Roundtable.Portal.Hosting;

/// <summary>
/// The headers every portal response carries. The Content-Security-Policy allows scripts, styles
/// and requests from this node only and no inline script or style, so even markup that slipped past
/// encoding could not run code; pages cannot be framed (clickjacking) and links leak no referrer.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Adds the headers to <paramref name="response"/> just before it starts, whatever wrote it.</summary>
    public static void AddTo(HttpResponse response) => response.OnStarting(() =>
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return Task.CompletedTask;
    });
}
