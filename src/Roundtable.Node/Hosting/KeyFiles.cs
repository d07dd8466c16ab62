using System.Security.Cryptography;
using Roundtable.Core.Crypto;

namespace Roundtable.Node.Hosting;

/// <summary>Private keys on disk: PKCS#8 PEM, readable by the owner only.</summary>
public static class KeyFiles
{
    /// <summary>Writes a key file with mode 0600; refuses to overwrite.</summary>
    public static void Write(string path, PrivateKey key)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(key.ExportPem());
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads a key file.</summary>
    /// <exception cref="InvalidDataException">The file holds no P-256 private key.</exception>
    public static PrivateKey Read(string path)
    {
        try
        {
            return PrivateKey.FromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidDataException($"{path} does not hold a P-256 private key: {e.Message}", e);
        }
    }
}
