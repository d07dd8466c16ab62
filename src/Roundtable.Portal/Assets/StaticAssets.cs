using System.Collections.Frozen;

namespace Roundtable.Portal.Assets;

/// <summary>The stylesheet and scripts embedded in the assembly (Assets/), so they ship with the node wherever it runs.</summary>
public sealed class StaticAssets
{
    private const string ResourcePrefix = "assets/";
    private readonly FrozenDictionary<string, StaticAsset> _byPath;

    private StaticAssets(FrozenDictionary<string, StaticAsset> byPath) => _byPath = byPath;

    /// <summary>The portal's one stylesheet.</summary>
    public StaticAsset Stylesheet => _byPath["site.css"];

    /// <summary>The asset at <paramref name="path"/> below /assets/, or null.</summary>
    public StaticAsset? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Reads every embedded asset once.</summary>
    public static StaticAssets Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        return new StaticAssets(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return new StaticAsset(n[ResourcePrefix.Length..], copy.ToArray());
            })
            .ToFrozenDictionary(a => a.Path, StringComparer.Ordinal));
    }
}
