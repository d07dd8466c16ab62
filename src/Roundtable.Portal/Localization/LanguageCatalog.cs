using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Roundtable.Portal.Localization;

/// <summary>
/// The languages shipped in the assembly (Languages/*.json, embedded) and those an operator adds
/// as files in the node's config/languages folder. The first is English, the fallback when a
/// reader asks for nothing the portal speaks.
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

    /// <summary>
    /// Loads every embedded language file, then each *.json file in <paramref name="directory"/>
    /// (when given and present): a language added by dropping its file there, or replacing the
    /// shipped one with the same code. An added file must define every string English defines.
    /// </summary>
    /// <exception cref="InvalidDataException">A file in <paramref name="directory"/> is not a complete language file; the message names it.</exception>
    public static LanguageCatalog Load(string? directory = null)
    {
        var assembly = typeof(LanguageCatalog).Assembly;
        var languages = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return Parse(stream);
            })
            .ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        if (directory is not null && Directory.Exists(directory))
        {
            var english = languages[FallbackCode];
            foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                var added = ParseFile(file);
                var missing = english.Keys.Where(k => added.Find(k) is null).Order(StringComparer.Ordinal).Take(5).ToList();
                if (missing.Count > 0)
                {
                    throw new InvalidDataException($"The language file {file} lacks strings English has, such as: {string.Join(", ", missing)}.");
                }

                languages[added.Code] = added;
            }
        }

        return new LanguageCatalog([.. languages.Values
            .OrderBy(l => l.Code == FallbackCode ? 0 : 1)
            .ThenBy(l => l.Code, StringComparer.Ordinal)]);
    }

    private static Language ParseFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The language file {path} is not valid: {e.Message}", e);
        }
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
