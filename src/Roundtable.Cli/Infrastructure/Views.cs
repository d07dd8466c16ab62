using Spectre.Console;
using Spectre.Console.Rendering;

namespace Roundtable.Cli.Infrastructure;

/// <summary>Small building blocks for human output: key/value grids, tables of plain text, short ids.</summary>
internal static class Views
{
    /// <summary>A hash, id or key shortened for tables (full values are in --json).</summary>
    public static string Short(string? hex) =>
        hex is null ? "-" : hex.Length > 16 ? hex[..12] + "…" : hex;

    /// <summary>A two-column grid of labels and values.</summary>
    public static Grid Properties(params (string Label, string? Value)[] rows)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (label, value) in rows)
        {
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value ?? "-"));
        }

        return grid;
    }

    /// <summary>A table whose cells are plain text (never parsed as markup).</summary>
    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var c in columns)
        {
            table.AddColumn(new TableColumn(new Text(c, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    /// <summary>Adds a row of plain-text cells.</summary>
    public static Table Row(this Table table, params string?[] cells)
    {
        table.AddRow([.. cells.Select(c => (IRenderable)new Text(c ?? "-"))]);
        return table;
    }
}
