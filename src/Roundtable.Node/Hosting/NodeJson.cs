using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roundtable.Node.Hosting;

/// <summary>One set of JSON options for files and the API: camelCase, enums as strings, indented files.</summary>
public static class NodeJson
{
    /// <summary>Options for config and genesis files.</summary>
    public static JsonSerializerOptions Files { get; } = Create(indented: true);

    /// <summary>Options for API payloads.</summary>
    public static JsonSerializerOptions Api { get; } = Create(indented: false);

    /// <summary>Applies the shared settings to <paramref name="options"/>.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Configure(options);
        return options;
    }
}
