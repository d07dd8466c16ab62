using System.Text.Json.Serialization;

namespace Roundtable.Portal.Localization;

/// <summary>The shape of a file in Languages/: who the language is, how it writes numbers and dates, and its strings by key.</summary>
internal sealed record LanguageFile(string Code, string Name, string Direction, LanguageFormats Formats, Dictionary<string, string> Strings);

/// <summary>
/// How a language writes numbers and dates. <see cref="DateTime"/> is a .NET custom format pattern;
/// <see cref="Months"/> has twelve names.
/// </summary>
internal sealed record LanguageFormats(string DecimalSeparator, string GroupSeparator, string PercentSymbol, string DateTime, IReadOnlyList<string> Months);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(LanguageFile))]
internal sealed partial class LanguageFileContext : JsonSerializerContext;
