using System.Security.Cryptography;

namespace Roundtable.Portal.Assets;

/// <summary>One file served under /assets/: its bytes, type and a content hash that is both its ETag and its version.</summary>
public sealed class StaticAsset
{
    internal StaticAsset(string path, byte[] content)
    {
        Path = path;
        Content = content;
        Version = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        ContentType = System.IO.Path.GetExtension(path) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => "application/octet-stream",
        };
    }

    /// <summary>The path below /assets/, such as "site.css" or "js/verify-page.js".</summary>
    public string Path { get; }

    /// <summary>The file's bytes.</summary>
    public byte[] Content { get; }

    /// <summary>The first 16 hex digits of the content's SHA-256.</summary>
    public string Version { get; }

    /// <summary>The Content-Type header.</summary>
    public string ContentType { get; }

    /// <summary>The strong ETag.</summary>
    public string ETag => $"\"{Version}\"";

    /// <summary>The URL that names this exact content, cacheable for a year: a new version has a new URL.</summary>
    public string VersionedUrl => $"/assets/{Path}?v={Version}";
}
