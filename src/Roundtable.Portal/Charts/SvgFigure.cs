using System.Globalization;
using Microsoft.AspNetCore.Components.Rendering;

namespace Roundtable.Portal.Charts;

/// <summary>The opening every server-drawn chart shares: an SVG image named by its title, for screen readers.</summary>
internal static class SvgFigure
{
    /// <summary>Opens <c>&lt;svg role="img"&gt;</c> of <paramref name="width"/> × <paramref name="height"/> with its <c>&lt;title id="{id}-title"&gt;</c>; the caller closes it.</summary>
    public static void Open(RenderTreeBuilder builder, string id, string title, int width, int height, string direction)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "viewBox", $"0 0 {Invariant(width)} {Invariant(height)}");
        builder.AddAttribute(2, "width", Invariant(width));
        builder.AddAttribute(3, "height", Invariant(height));
        builder.AddAttribute(4, "role", "img");
        builder.AddAttribute(5, "aria-labelledby", id + "-title");
        builder.AddAttribute(6, "direction", direction);
        builder.OpenElement(7, "title");
        builder.AddAttribute(8, "id", id + "-title");
        builder.AddContent(9, title);
        builder.CloseElement();
    }

    /// <summary>SVG is not localised: invariant digits.</summary>
    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
