using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Node.Upgrades;

/// <summary>
/// Which build of the node is running: the release name it was built as and the SHA-256 that a
/// software-upgrade proposal names (docs/upgrades.md).
/// </summary>
/// <param name="Version">The release name, from the build property <c>RoundtableRelease</c> ("dev" when unset).</param>
/// <param name="Hash">SHA-256 over the project's own assemblies in the node's directory.</param>
public sealed record ReleaseIdentity(string Version, Hash256 Hash)
{
    /// <summary>The assembly metadata key the CLI project stamps with its release name.</summary>
    public const string MetadataKey = "RoundtableRelease";

    private static readonly Lazy<ReleaseIdentity> Running = new(() => Of(AppContext.BaseDirectory, Assembly.GetEntryAssembly()));

    /// <summary>The build this process runs (computed once).</summary>
    public static ReleaseIdentity Current => Running.Value;

    /// <summary>
    /// The identity of the build in <paramref name="directory"/>: the hash covers every
    /// <c>roundtable.dll</c> and <c>Roundtable.*.dll</c> there, as the lines
    /// "name SP lowercase-hex-SHA-256 LF" in ordinal order of the names, so the same sources built
    /// deterministically give the same hash wherever they are installed.
    /// </summary>
    /// <param name="directory">The directory holding the node's assemblies.</param>
    /// <param name="entry">The assembly that carries the release name, if any.</param>
    public static ReleaseIdentity Of(string directory, Assembly? entry)
    {
        var files = Directory.GetFiles(directory, "*.dll")
            .Select(Path.GetFileName)
            .Where(name => string.Equals(name, "roundtable.dll", StringComparison.Ordinal) || name!.StartsWith("Roundtable.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var manifest = new StringBuilder();
        foreach (var name in files)
        {
            var digest = SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, name!)));
            manifest.Append(name).Append(' ').Append(Convert.ToHexStringLower(digest)).Append('\n');
        }

        return new ReleaseIdentity(VersionOf(entry), Hash256.Compute(Encoding.UTF8.GetBytes(manifest.ToString())));
    }

    private static string VersionOf(Assembly? entry) =>
        entry?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == MetadataKey)?.Value is { Length: > 0 } version
            ? version
            : "dev";

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Version} ({Hash})");
}
