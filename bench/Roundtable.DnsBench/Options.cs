using System.Globalization;

namespace Roundtable.DnsBench;

/// <summary>"--name value" pairs and bare "--flag"s after the mode.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    private Options()
    {
    }

    public static Options Parse(ReadOnlySpan<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options.values[args[i]] = hasValue ? args[++i] : null;
        }

        return options;
    }

    public bool Flag(string name) => values.ContainsKey(name);

    public string Path(string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : throw new ArgumentException($"{name} PATH is required");

    public int Int(string name, int? fallback = null)
    {
        if (values.TryGetValue(name, out var value) && value is not null)
        {
            var parsed = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
            return parsed > 0 ? parsed : throw new ArgumentException($"{name} must be positive");
        }

        return fallback ?? throw new ArgumentException($"{name} N is required");
    }
}
