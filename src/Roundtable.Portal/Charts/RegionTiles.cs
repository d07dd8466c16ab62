namespace Roundtable.Portal.Charts;

/// <summary>
/// Where each region's tile sits on the schematic map: the regions the chain's genesis usually
/// names (the five United Nations regional groups, and shorter ids used in tests) at places that
/// recall the globe, west to east and north to south; any other region, or a second region
/// wanting a taken place, in rows below in the chain's order. A cartogram, not geography: every
/// region gets the same tile, so a small region's figures are as readable as a large one's.
/// </summary>
public static class RegionTiles
{
    /// <summary>Columns of the grid.</summary>
    public const int Columns = 4;

    private static readonly Dictionary<string, (int Column, int Row)> Known = new(StringComparer.Ordinal)
    {
        ["western-europe-others"] = (1, 0),
        ["europe"] = (1, 0),
        ["eastern-europe"] = (2, 0),
        ["latin-america-caribbean"] = (0, 1),
        ["latin-america"] = (0, 1),
        ["africa"] = (1, 1),
        ["asia-pacific"] = (3, 1),
    };

    /// <summary>The grid cell of each region, in the order given.</summary>
    public static IReadOnlyList<(string Region, int Column, int Row)> Place(IReadOnlyList<string> regions)
    {
        var taken = new HashSet<(int, int)>();
        var placed = new List<(string, int, int)>();
        var overflow = new List<string>();
        foreach (var region in regions)
        {
            if (Known.TryGetValue(region, out var cell) && taken.Add(cell))
            {
                placed.Add((region, cell.Column, cell.Row));
            }
            else
            {
                overflow.Add(region);
            }
        }

        var firstFreeRow = placed.Count == 0 ? 0 : placed.Max(p => p.Item3) + 1;
        for (var i = 0; i < overflow.Count; i++)
        {
            placed.Add((overflow[i], i % Columns, firstFreeRow + (i / Columns)));
        }

        return placed;
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="width"/> characters at spaces (a longer word stays whole).</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return lines;
    }
}
