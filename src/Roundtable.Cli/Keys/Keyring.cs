using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Crypto;
using Roundtable.Node.Hosting;

namespace Roundtable.Cli.Keys;

/// <summary>
/// Named private keys in one directory, one PKCS#8 PEM file per key (NAME.pem, mode 0600, the
/// directory 0700). Names are 1-64 of a-z, 0-9, '_' and '-'.
/// </summary>
internal sealed class Keyring
{
    public const int MaxNameLength = 64;
    private const string Extension = ".pem";

    public Keyring(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxNameLength && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');

    public string PathOf(string name)
    {
        if (!IsValidName(name))
        {
            throw new CliException($"'{name}' is not a valid key name: use 1 to {MaxNameLength} of a-z, 0-9, '_' and '-'.", "invalid-key-name");
        }

        return Path.Combine(Directory, name + Extension);
    }

    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>Loads a key; a missing or unreadable one is a readable error.</summary>
    public PrivateKey Load(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new CliException($"no key named '{name}' in the keyring {Directory}; create it with 'roundtable keys new {name}' or see 'roundtable keys list'.", "unknown-key");
        }

        try
        {
            return KeyFiles.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"key '{name}' cannot be read: {e.Message}", "bad-key-file", e);
        }
    }

    /// <summary>Stores a key under a new name; refuses to replace an existing one.</summary>
    public string Add(string name, PrivateKey key)
    {
        var path = PathOf(name);
        if (File.Exists(path))
        {
            throw new CliException($"the keyring already has a key named '{name}'; choose another name or delete it first with 'roundtable keys delete {name}'.", "already-exists");
        }

        EnsureDirectory();
        KeyFiles.Write(path, key);
        return path;
    }

    /// <summary>Deletes a key file.</summary>
    public string Delete(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new CliException($"no key named '{name}' in the keyring {Directory}.", "unknown-key");
        }

        File.Delete(path);
        return path;
    }

    /// <summary>Every well-named key file, by name; unreadable files carry the reason instead of a key.</summary>
    public IReadOnlyList<Entry> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var entries = new List<Entry>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!IsValidName(name))
            {
                continue;
            }

            try
            {
                using var key = KeyFiles.Read(path);
                entries.Add(new Entry(name, path, key.PublicKey, null));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                entries.Add(new Entry(name, path, null, e.Message));
            }
        }

        return entries;
    }

    private void EnsureDirectory()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>One keyring entry.</summary>
    public sealed record Entry(string Name, string Path, PublicKey? PublicKey, string? Problem);
}
