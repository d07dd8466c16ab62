using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Roundtable.Portal.Localization;

/// <summary>
/// The languages shipped in the assembly (Languages/*.json, embedded). The first is English, the
/// fallback when a reader asks for nothing the portal speaks.
/// </summary>
public sealed class LanguageCatalog
{
    private const string ResourcePrefix = "languages/";
    private const string FallbackCode = "en";

    private LanguageCatalog(IReadOnlyList<Language> languages)
    {
        All = languages;
        Fallback = languages.Single(l => l.Code == FallbackCode);
    }

    /// <summary>Every language, English first, then by code.</summary>
    public IReadOnlyList<Language> All { get; }

    /// <summary>English.</summary>
    public Language Fallback { get; }

    /// <summary>The language with this code (case-insensitive), or null.</summary>
    public Language? Find(string? code) =>
        string.IsNullOrEmpty(code) ? null : All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads every embedded language file.</summary>
    public static LanguageCatalog Load()
    {
        var assembly = typeof(LanguageCatalog).Assembly;
        var languages = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return Parse(stream);
            })
            .OrderBy(l => l.Code == FallbackCode ? 0 : 1)
            .ThenBy(l => l.Code, StringComparer.Ordinal)
            .ToList();
        return new LanguageCatalog(languages);
    }

    private static Language Parse(Stream stream)
    {
        var file = JsonSerializer.Deserialize(stream, LanguageFileContext.Default.LanguageFile)
            ?? throw new InvalidDataException("A language file is empty.");
        return new Language(file.Code, file.Name, file.Direction == "rtl", Culture(file.Formats), file.Strings.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static CultureInfo Culture(LanguageFormats formats)
    {
        // Invariant data with the language's own separators, names and patterns: works without ICU.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var numbers = culture.NumberFormat;
        numbers.NumberDecimalSeparator = formats.DecimalSeparator;
        numbers.NumberGroupSeparator = formats.GroupSeparator;
        numbers.PercentSymbol = formats.PercentSymbol;
        var dates = culture.DateTimeFormat;
        string[] months = [.. formats.Months, string.Empty];
        dates.MonthNames = months;
        dates.MonthGenitiveNames = months;
        dates.AbbreviatedMonthNames = months;
        dates.AbbreviatedMonthGenitiveNames = months;
        dates.FullDateTimePattern = formats.DateTime;
        return CultureInfo.ReadOnly(culture);
    }
}
