using System.CommandLine;
using System.Security.Cryptography;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Hashing;

namespace Roundtable.Cli.Notary;

/// <summary>
/// Which document a notary command is about: <c>--file F</c> (hashed here with SHA-256, read as a
/// stream and never sent anywhere) or <c>--digest HEX</c> for a document kept elsewhere.
/// </summary>
internal sealed class DocumentDigest
{
    private const int BufferSize = 1 << 16;

    public Option<string?> File { get; } = new("--file") { Description = "The document: hashed locally with SHA-256, never uploaded" };

    public Option<string?> Digest { get; } = new("--digest") { Description = "The document's SHA-256 (64 hex characters), instead of --file" };

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        command.Options.Add(Digest);
    }

    /// <summary>The digest named on the command line, and the file's size when a file was given.</summary>
    public (Hash256 Digest, ulong? SizeBytes) Resolve(ParseResult parse)
    {
        var (file, digest) = (parse.GetValue(File), parse.GetValue(Digest));
        if ((file is null) == (digest is null))
        {
            throw new CliException("give exactly one of --file PATH or --digest HEX.", "usage");
        }

        return file is not null ? Hash(file) : (AnchorArguments.Digest(digest, "--digest"), null);
    }

    /// <summary>SHA-256 and size of <paramref name="path"/>, read in 64 KiB pieces so any size fits in memory.</summary>
    public static (Hash256 Digest, ulong SizeBytes) Hash(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new CliException($"--file '{path}' does not exist.", "invalid-argument");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        ulong size = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            size += (ulong)read;
        }

        return (Hash256.FromBytes(sha256.GetHashAndReset()), size);
    }
}
