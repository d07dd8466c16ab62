using System.Text;

namespace Roundtable.Portal.Localization;

/// <summary>
/// Fills <c>{name}</c> placeholders in one pass, so a value that itself contains "{name}" (a title
/// someone typed) is never expanded again.
/// </summary>
internal static class TextTemplate
{
    public static string Fill(string template, IReadOnlyList<(string Name, string Value)> values)
    {
        var text = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var name = template.AsSpan(open + 1, close - open - 1);
            text.Append(Lookup(values, name) ?? throw new FormatException($"No value for placeholder '{name}' in \"{template}\"."));
            i = close + 1;
        }

        return text.ToString();
    }

    private static string? Lookup(IReadOnlyList<(string Name, string Value)> values, ReadOnlySpan<char> name)
    {
        foreach (var (key, value) in values)
        {
            if (name.SequenceEqual(key))
            {
                return value;
            }
        }

        return null;
    }
}
