using System.Text;

namespace Roundtable.Node.Api;

/// <summary>
/// RFC 4180 CSV: CRLF line ends, a cell quoted when it holds a comma, a quote, CR or LF, quotes
/// doubled. A cell that a spreadsheet would run as a formula (starting with = + - @, or a tab or
/// CR) is prefixed with an apostrophe, so an exported statement cannot execute in the reader's
/// spreadsheet (OWASP, CSV injection).
/// </summary>
public static class Csv
{
    /// <summary>Appends one row and its CRLF.</summary>
    public static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    /// <summary>One cell, defused and quoted as needed.</summary>
    public static string Cell(string value)
    {
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
