using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Roundtable.Portal.Localization;

namespace Roundtable.Portal.Charts;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: no script, coloured by the stylesheet's
/// classes, every label encoded like any text. The page puts a table with the same figures beside it,
/// for screen readers and exact values. In a right-to-left language the bars grow from the right
/// and the labels start there. (Written in C#: Razor reserves the SVG &lt;text&gt; tag.)
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
        SvgFigure.Open(builder, Id, Title, Width, Math.Max(1, Bars.Count) * RowHeight, L.Direction);
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var top = i * RowHeight;
            builder.OpenElement(10, "text");
            builder.AddAttribute(11, "x", L.RightToLeft ? Invariant(Width) : "0");
            builder.AddAttribute(12, "y", Invariant(top + 14));
            builder.AddContent(13, $"{bar.Label}: {L.Percent(bar.Fraction)}");
            builder.CloseElement();
            Rect(builder, "track", top + 20, 0, Width);
            var length = bar.Length(Width);
            Rect(builder, $"bar-{i % 6}", top + 20, L.RightToLeft ? Width - length : 0, length);
        }

        builder.CloseElement();
    }

    private static void Rect(RenderTreeBuilder builder, string cssClass, int y, decimal x, decimal width)
    {
        builder.OpenElement(20, "rect");
        builder.AddAttribute(21, "class", cssClass);
        builder.AddAttribute(22, "x", Invariant(x));
        builder.AddAttribute(23, "y", Invariant(y));
        builder.AddAttribute(24, "width", Invariant(width));
        builder.AddAttribute(25, "height", Invariant(BarHeight));
        builder.CloseElement();
    }

    private static string Invariant(int value) => SvgFigure.Invariant(value);

    // SVG is not localised: invariant digits, no trailing zeros.
    private static string Invariant(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
