using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Tx;
using Roundtable.Core.Hashing;

namespace Roundtable.Cli.Notary;

/// <summary>Anchor digests given on the command line, checked before anything is signed.</summary>
internal static class AnchorArguments
{
    /// <summary>A document digest (SHA-256, 64 hex characters) given as <paramref name="option"/>.</summary>
    public static Hash256 Digest(string? text, string option) => SessionArguments.Id(text, option, "document digest (SHA-256)");

    /// <summary>The digest of the anchor that supersedes <paramref name="digest"/>: never the same document.</summary>
    public static Hash256 Replacement(string? text, string option, Hash256 digest)
    {
        var replacement = Digest(text, option);
        return replacement != digest
            ? replacement
            : throw new CliException($"{option} names the same document; a document cannot supersede itself.", "invalid-argument");
    }
}
