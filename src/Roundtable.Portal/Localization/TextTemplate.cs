using System.Text;

namespace Roundtable.Portal.Localization;

/// <summary>
/// Templates with <c>{name}</c> placeholders, read in one pass, so a value that itself contains
/// "{name}" (a title someone typed) is never expanded again.
/// </summary>
public static class TextTemplate
{
    /// <summary>The template with every placeholder replaced by its value.</summary>
    /// <exception cref="FormatException">A placeholder has no value.</exception>
    public static string Fill(string template, IReadOnlyList<(string Name, string Value)> values)
    {
        var text = new StringBuilder(template.Length + 32);
        foreach (var segment in Parse(template))
        {
            text.Append(segment.IsPlaceholder
                ? values.FirstOrDefault(v => v.Name == segment.Text).Value ?? throw new FormatException($"No value for placeholder '{segment.Text}' in \"{template}\".")
                : segment.Text);
        }

        return text.ToString();
    }

    /// <summary>The template as literal text and placeholders, in order (for a sentence whose subject is a link).</summary>
    public static IReadOnlyList<TemplateSegment> Parse(string template)
    {
        var segments = new List<TemplateSegment>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                segments.Add(new TemplateSegment(template[i..], false));
                break;
            }

            if (open > i)
            {
                segments.Add(new TemplateSegment(template[i..open], false));
            }

            segments.Add(new TemplateSegment(template[(open + 1)..close], true));
            i = close + 1;
        }

        return segments;
    }
}

/// <summary>A piece of a template: literal text, or the name of a placeholder.</summary>
public sealed record TemplateSegment(string Text, bool IsPlaceholder);
