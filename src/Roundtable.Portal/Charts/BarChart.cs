using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Roundtable.Portal.Localization;

namespace Roundtable.Portal.Charts;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: no script, coloured by the stylesheet's
/// classes, every label encoded like any text. The page puts a table with the same figures beside it,
/// for screen readers and exact values. (Written in C#: Razor reserves the SVG &lt;text&gt; tag.)
/// </summary>
public sealed class BarChart : ComponentBase
{
    private const int Width = 400;
    private const int RowHeight = 44;
    private const int BarHeight = 16;

    /// <summary>A document-unique id for the chart's title.</summary>
    [Parameter, EditorRequired]
    public string Id { get; set; } = "";

    /// <summary>What the chart shows; read out by screen readers.</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>The bars, top to bottom.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ChartBar> Bars { get; set; } = [];

    [CascadingParameter]
    private Language L { get; set; } = null!;

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var height = Invariant(Math.Max(1, Bars.Count) * RowHeight);
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "viewBox", $"0 0 {Invariant(Width)} {height}");
        builder.AddAttribute(2, "width", Invariant(Width));
        builder.AddAttribute(3, "height", height);
        builder.AddAttribute(4, "role", "img");
        builder.AddAttribute(5, "aria-labelledby", Id + "-title");
        builder.OpenElement(6, "title");
        builder.AddAttribute(7, "id", Id + "-title");
        builder.AddContent(8, Title);
        builder.CloseElement();
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var top = i * RowHeight;
            builder.OpenElement(10, "text");
            builder.AddAttribute(11, "x", "0");
            builder.AddAttribute(12, "y", Invariant(top + 14));
            builder.AddContent(13, $"{bar.Label}: {L.Percent(bar.Fraction)}");
            builder.CloseElement();
            Rect(builder, "track", top + 20, Invariant(Width));
            Rect(builder, $"bar-{i % 6}", top + 20, bar.Length(Width));
        }

        builder.CloseElement();
    }

    private static void Rect(RenderTreeBuilder builder, string cssClass, int y, string width)
    {
        builder.OpenElement(20, "rect");
        builder.AddAttribute(21, "class", cssClass);
        builder.AddAttribute(22, "x", "0");
        builder.AddAttribute(23, "y", Invariant(y));
        builder.AddAttribute(24, "width", width);
        builder.AddAttribute(25, "height", Invariant(BarHeight));
        builder.CloseElement();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
