using Microsoft.AspNetCore.Http;
using Roundtable.Portal.Hosting;

namespace Roundtable.Portal.Pages.Messages;

/// <summary>
/// A plain message instead of the page that was asked for: what was not found, or what is wrong
/// with what was typed. Keys name strings in the language files; values fill their placeholders.
/// </summary>
/// <param name="TitleKey">The h1.</param>
/// <param name="TextKey">The explanation.</param>
/// <param name="Values">Placeholder values for the explanation (what the reader typed, encoded like any text).</param>
public sealed record PortalMessage(string TitleKey, string TextKey, params (string Name, string Value)[] Values)
{
    /// <summary>404: nothing has this id or height.</summary>
    public static IResult NotFound(PageRenderer pages, HttpContext context, string textKey, params (string Name, string Value)[] values) =>
        pages.Render<MessagePage>(context, new PortalMessage("message.not-found", textKey, values), StatusCodes.Status404NotFound);

    /// <summary>400: what was typed cannot be an id of that kind.</summary>
    public static IResult Malformed(PageRenderer pages, HttpContext context, string textKey, params (string Name, string Value)[] values) =>
        pages.Render<MessagePage>(context, new PortalMessage("message.malformed", textKey, values), StatusCodes.Status400BadRequest);
}
