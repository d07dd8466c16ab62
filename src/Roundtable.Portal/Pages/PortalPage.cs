using Microsoft.AspNetCore.Components;
using Roundtable.Portal.Hosting;
using Roundtable.Portal.Localization;

namespace Roundtable.Portal.Pages;

/// <summary>A page: the request's <see cref="PageContext"/> and the data the route loaded for it.</summary>
/// <typeparam name="TModel">What the page shows.</typeparam>
public abstract class PortalPage<TModel> : ComponentBase
{
    /// <summary>The reader's language and the page's address.</summary>
    [Parameter, EditorRequired]
    public PageContext Page { get; set; } = null!;

    /// <summary>The data to show, loaded before rendering so the status code is known.</summary>
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;

    /// <summary>The reader's language.</summary>
    protected Language L => Page.Language;
}
