using System.Text;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.WorkingGroups;

/// <summary>
/// A working group's charter: Markdown held on chain (up to 16 KiB), or the SHA-256 of a document
/// kept elsewhere. Either way <see cref="DocumentHash"/> pins the exact text.
/// </summary>
public sealed record Charter
{
    /// <summary>Maximum UTF-8 length of an inline charter.</summary>
    public const int MaxInlineBytes = 16 * 1024;

    private Charter(Hash256 documentHash, string? markdown)
    {
        DocumentHash = documentHash;
        Markdown = markdown;
    }

    /// <summary>SHA-256 of the charter's UTF-8 text.</summary>
    public Hash256 DocumentHash { get; }

    /// <summary>The charter text when held on chain; null for an external document.</summary>
    public string? Markdown { get; }

    /// <summary>A charter held on chain.</summary>
    public static Charter Inline(string markdown) => new(Hash256.Compute(Encoding.UTF8.GetBytes(markdown)), markdown);

    /// <summary>A charter kept elsewhere, pinned by its hash.</summary>
    public static Charter External(Hash256 documentHash) => new(documentHash, null);

    /// <summary>Writes 1 then the text, or 2 then the hash.</summary>
    public void Encode(CanonicalWriter writer)
    {
        if (Markdown is not null)
        {
            writer.WriteByte(1);
            writer.WriteString(Markdown);
        }
        else
        {
            writer.WriteByte(2);
            writer.WriteHash(DocumentHash);
        }
    }

    /// <summary>Reads a charter.</summary>
    public static Charter Decode(ref CanonicalReader reader) => reader.ReadByte() switch
    {
        1 => Inline(BoundedText.ReadNonEmpty(ref reader, MaxInlineBytes, "charter")),
        2 => External(reader.ReadHash()),
        var b => throw new DecodeException(DecodeError.InvalidValue, $"Charter kind {b} is not inline (1) or external (2)."),
    };
}
