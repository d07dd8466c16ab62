using System.Text.Json.Nodes;

namespace Roundtable.Portal.Tests.Support;

/// <summary>
/// A right-to-left language file for tests, as an operator would drop it into a node's
/// config/languages: English strings under the code "ar" and direction "rtl", so the layout is
/// mirrored while the words stay readable to the assertions.
/// </summary>
public static class RightToLeftLanguage
{
    public const string Code = "ar";

    /// <summary>The shipped English file with another code, name and direction.</summary>
    public static JsonObject FromEnglish()
    {
        using var stream = typeof(Localization.LanguageCatalog).Assembly.GetManifestResourceStream("languages/en.json")!;
        var file = JsonNode.Parse(stream, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        file["code"] = Code;
        file["name"] = "العربية (test)";
        file["direction"] = "rtl";
        return file;
    }

    /// <summary>Writes <see cref="FromEnglish"/> as <c>ar.json</c> into <paramref name="directory"/> (created when missing).</summary>
    public static void WriteInto(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Code + ".json"), FromEnglish().ToJsonString());
    }
}
