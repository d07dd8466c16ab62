using System.Globalization;

namespace Roundtable.Application.Sessions.Report;

/// <summary>Escaping and formatting of recorded text for Markdown: what a participant typed never breaks the layout.</summary>
internal static class Markdown
{
    /// <summary>Text on one line, with Markdown's structural characters escaped.</summary>
    public static string Inline(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A table row.</summary>
    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    /// <summary>A table header row and its separator.</summary>
    public static string Header(params string[] cells) => Row(cells) + "\n" + Row([.. cells.Select(_ => "---")]);

    /// <summary>An integer, culture-free.</summary>
    public static string Number(long value) => value.ToString(NumberFormatInfo.InvariantInfo);

    /// <summary>Block time as "2026-05-04 09:30 UTC".</summary>
    public static string Time(ulong ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(checked((long)ms)).ToString("yyyy-MM-dd HH:mm 'UTC'", DateTimeFormatInfo.InvariantInfo);
}
