using System.Collections.Frozen;
using System.Globalization;
using Roundtable.Application.Governance.Tallying;

namespace Roundtable.Portal.Localization;

/// <summary>
/// One language of the portal: its strings and how its readers write dates and numbers. Built from
/// a file in Languages/, so adding a language is adding a file.
/// </summary>
public sealed class Language
{
    private readonly FrozenDictionary<string, string> _strings;

    internal Language(string code, string name, bool rightToLeft, CultureInfo culture, FrozenDictionary<string, string> strings)
    {
        Code = code;
        Name = name;
        RightToLeft = rightToLeft;
        Culture = culture;
        _strings = strings;
    }

    /// <summary>The BCP 47 code, for <c>&lt;html lang&gt;</c> and <c>?lang=</c>.</summary>
    public string Code { get; }

    /// <summary>The language's name in itself ("Français"), for the language switcher.</summary>
    public string Name { get; }

    /// <summary>True for languages written right to left.</summary>
    public bool RightToLeft { get; }

    /// <summary>The value of <c>&lt;html dir&gt;</c>.</summary>
    public string Direction => RightToLeft ? "rtl" : "ltr";

    /// <summary>
    /// Number and date formats from the language file. The node runs with invariant globalization (no
    /// ICU data), so the file, not the operating system, says how this language writes them.
    /// </summary>
    public CultureInfo Culture { get; }

    /// <summary>Every key this language defines (the tests check that all languages define the same).</summary>
    public IEnumerable<string> Keys => _strings.Keys;

    /// <summary>The string for <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The key is missing: a page asked for a string no file defines.</exception>
    public string this[string key] => _strings.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"The '{Code}' language file has no string '{key}'.");

    /// <summary>The string for <paramref name="key"/>, or null when this language has none (for names the chain defines, such as a new region).</summary>
    public string? Find(string key) => _strings.GetValueOrDefault(key);

    /// <summary>
    /// The words a page's script needs, as data-* attributes: data-&lt;name&gt; for each key
    /// &lt;prefix&gt;&lt;name&gt; (names in kebab case, so the script reads them as dataset.camelCase).
    /// </summary>
    public Dictionary<string, object> ScriptWords(string prefix) =>
        _strings.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(k => "data-" + k[prefix.Length..], k => (object)_strings[k], StringComparer.Ordinal);

    /// <summary>The string for <paramref name="key"/> with its <c>{name}</c> placeholders filled.</summary>
    public string Fill(string key, params (string Name, string Value)[] values) => TextTemplate.Fill(this[key], values);

    /// <summary>A whole number as this language writes it (digit grouping).</summary>
    public string Number(ulong value) => value.ToString("N0", Culture);

    /// <summary>A whole number as this language writes it (digit grouping).</summary>
    public string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A fraction as a percentage with at most one decimal ("33,3 %").</summary>
    public string Percent(Rational fraction) =>
        decimal.Parse((fraction * 100).ToDecimalString(1), CultureInfo.InvariantCulture).ToString("0.#", Culture) + Culture.NumberFormat.PercentSymbol;

    /// <summary>A moment (Unix milliseconds) as this language writes a date and time, in UTC.</summary>
    public string DateTime(ulong unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)unixMs).UtcDateTime.ToString(Culture.DateTimeFormat.FullDateTimePattern, Culture);

    /// <summary>A duration (milliseconds) in the largest whole unit, in words.</summary>
    public string Duration(ulong ms) => ms switch
    {
        >= 86_400_000 when ms % 86_400_000 == 0 => Fill("unit.days", ("n", Number(ms / 86_400_000))),
        >= 3_600_000 when ms % 3_600_000 == 0 => Fill("unit.hours", ("n", Number(ms / 3_600_000))),
        >= 60_000 when ms % 60_000 == 0 => Fill("unit.minutes", ("n", Number(ms / 60_000))),
        _ => Fill("unit.seconds", ("n", (ms / 1000m).ToString("0.###", Culture))),
    };
}
