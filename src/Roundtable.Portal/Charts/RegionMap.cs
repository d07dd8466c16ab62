using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Roundtable.Application.DataPractices;
using Roundtable.Portal.Localization;

namespace Roundtable.Portal.Charts;

/// <summary>
/// The register as a map: one tile per region (<see cref="RegionTiles"/>), shaded by how many
/// organisations store data there, with its name and both figures written on it. Drawn on the
/// server as SVG, no script; the page puts a table with the same figures beside it. (Written in
/// C#: Razor reserves the SVG &lt;text&gt; tag.)
/// </summary>
public sealed class RegionMap : ComponentBase
{
    private const int TileWidth = 176;
    private const int TileHeight = 104;
    private const int Gap = 8;
    private const int LineHeight = 17;
    private const int NameWidth = 24;
    private const int Shades = 4;

    /// <summary>A document-unique id for the map's title.</summary>
    [Parameter, EditorRequired]
    public string Id { get; set; } = "";

    /// <summary>What the map shows; read out by screen readers.</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>The figures, one per region, in the chain's order.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<RegionFigures> Figures { get; set; } = [];

    /// <summary>Region names in the reader's language.</summary>
    [Parameter, EditorRequired]
    public ChainNames Names { get; set; } = null!;

    [CascadingParameter]
    private Language L { get; set; } = null!;

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var cells = RegionTiles.Place([.. Figures.Select(f => f.Region)]);
        var rows = cells.Count == 0 ? 1 : cells.Max(c => c.Row) + 1;
        var most = Figures.Count == 0 ? 0 : Figures.Max(f => f.Storing);
        SvgFigure.Open(builder, Id, Title, (RegionTiles.Columns * (TileWidth + Gap)) - Gap, (rows * (TileHeight + Gap)) - Gap, L.Direction);
        foreach (var (region, column, row) in cells)
        {
            var figures = Figures.First(f => f.Region == region);
            var left = (L.RightToLeft ? RegionTiles.Columns - 1 - column : column) * (TileWidth + Gap);
            var top = row * (TileHeight + Gap);
            builder.OpenElement(10, "g");
            builder.AddAttribute(11, "class", "map-tile");
            builder.AddAttribute(12, "data-region", region);
            builder.OpenElement(13, "rect");
            builder.AddAttribute(14, "class", "map-shade-" + Invariant(Shade(figures.Storing, most)));
            builder.AddAttribute(15, "x", Invariant(left));
            builder.AddAttribute(16, "y", Invariant(top));
            builder.AddAttribute(17, "width", Invariant(TileWidth));
            builder.AddAttribute(18, "height", Invariant(TileHeight));
            builder.AddAttribute(19, "rx", "6");
            builder.CloseElement();
            var x = L.RightToLeft ? left + TileWidth - 10 : left + 10;
            var y = top + 20;
            foreach (var line in RegionTiles.Wrap(Names.Region(region), NameWidth).Take(2))
            {
                Text(builder, "map-name", x, y, line);
                y += LineHeight;
            }

            Text(builder, "map-storing", x, top + TileHeight - 30, L.Fill("practices.map-storing", ("n", L.Number((long)figures.Storing))));
            Text(builder, "map-processing", x, top + TileHeight - 12, L.Fill("practices.map-processing", ("n", L.Number((long)figures.Processing))));
            builder.CloseElement();
        }

        builder.CloseElement();
    }

    /// <summary>0 for none, else <see cref="Shades"/> × storing / most rounded up: the region storing the most is the darkest.</summary>
    private static int Shade(int storing, int most) => storing == 0 ? 0 : ((storing * Shades) + most - 1) / most;

    private static void Text(RenderTreeBuilder builder, string cssClass, int x, int y, string content)
    {
        builder.OpenElement(20, "text");
        builder.AddAttribute(21, "class", cssClass);
        builder.AddAttribute(22, "x", Invariant(x));
        builder.AddAttribute(23, "y", Invariant(y));
        builder.AddContent(24, content);
        builder.CloseElement();
    }

    private static string Invariant(int value) => SvgFigure.Invariant(value);
}
