using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Roundtable.Application;
using Roundtable.Core.Hashing;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Pages.Messages;
using Roundtable.Portal.Reading;

namespace Roundtable.Portal.Pages;

/// <summary>The page of one record named by a 64-hex id in the address (a proposal, a session, an anchor).</summary>
internal static class RecordPage
{
    /// <summary>
    /// <typeparamref name="TPage"/> showing what <paramref name="read"/> finds for <paramref name="id"/> in committed
    /// state; a plain 400 message (<paramref name="malformedKey"/>) when the id is not 64 hex characters, and a
    /// 404 (<paramref name="missingKey"/>) when nothing has it.
    /// </summary>
    public static IResult Show<TPage, TModel>(
        HttpContext context, PageRenderer pages, IChainReader chain, string id, string malformedKey, string missingKey, Func<LedgerApplication, Hash256, TModel?> read)
        where TPage : IComponent
        where TModel : class
    {
        if (!Hash256.TryParse(id, out var parsed))
        {
            return PortalMessage.Malformed(pages, context, malformedKey, ("value", id));
        }

        return chain.Query(app => read(app, parsed)) is { } model
            ? pages.Render<TPage>(context, model)
            : PortalMessage.NotFound(pages, context, missingKey, ("id", id));
    }
}
