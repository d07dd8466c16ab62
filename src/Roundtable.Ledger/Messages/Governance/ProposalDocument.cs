using System.Text;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// The text a proposal pins: Markdown held on chain (up to <see cref="MaxInlineBytes"/>), or the
/// SHA-256 and URI of an external document. <see cref="Hash"/> is what every ballot binds to.
/// Encoding: 0x01 ‖ string(markdown), or 0x02 ‖ hash ‖ string(uri).
/// </summary>
public sealed record ProposalDocument : ICanonical<ProposalDocument>
{
    /// <summary>Largest inline Markdown document, in UTF-8 bytes.</summary>
    public const int MaxInlineBytes = 64 * 1024;

    /// <summary>Longest external URI, in bytes.</summary>
    public const int MaxUriBytes = 512;

    private ProposalDocument(string markdown, Hash256 hash, string uri)
    {
        Markdown = markdown;
        Hash = hash;
        Uri = uri;
    }

    /// <summary>The Markdown text; empty for an external document.</summary>
    public string Markdown { get; }

    /// <summary>SHA-256 of the document (of the UTF-8 Markdown when inline).</summary>
    public Hash256 Hash { get; }

    /// <summary>Where an external document is published; empty when inline.</summary>
    public string Uri { get; }

    /// <summary>True when the text is on chain.</summary>
    public bool IsInline => Uri.Length == 0;

    /// <summary>A document held on chain.</summary>
    /// <exception cref="ArgumentException">Empty or larger than <see cref="MaxInlineBytes"/>.</exception>
    public static ProposalDocument Inline(string markdown)
    {
        var bytes = Encoding.UTF8.GetBytes(markdown);
        if (bytes.Length is 0 or > MaxInlineBytes)
        {
            throw new ArgumentException($"An inline document is 1 to {MaxInlineBytes} UTF-8 bytes.", nameof(markdown));
        }

        return new ProposalDocument(markdown, Hash256.Compute(bytes), string.Empty);
    }

    /// <summary>A document published elsewhere, pinned by its SHA-256.</summary>
    /// <exception cref="ArgumentException">The URI is empty or too long.</exception>
    public static ProposalDocument External(Hash256 hash, string uri)
    {
        if (string.IsNullOrWhiteSpace(uri) || Encoding.UTF8.GetByteCount(uri) > MaxUriBytes)
        {
            throw new ArgumentException($"An external document needs a URI of 1 to {MaxUriBytes} bytes.", nameof(uri));
        }

        return new ProposalDocument(string.Empty, hash, uri);
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        if (IsInline)
        {
            writer.WriteByte(1);
            writer.WriteString(Markdown);
        }
        else
        {
            writer.WriteByte(2);
            writer.WriteHash(Hash);
            writer.WriteString(Uri);
        }
    }

    /// <inheritdoc />
    public static ProposalDocument Decode(ref CanonicalReader reader)
    {
        var form = reader.ReadByte();
        switch (form)
        {
            case 1:
                var markdown = reader.ReadString(MaxInlineBytes, "document");
                return markdown.Length == 0
                    ? throw new DecodeException(DecodeError.InvalidValue, "The document is empty.")
                    : new ProposalDocument(markdown, Hash256.Compute(Encoding.UTF8.GetBytes(markdown)), string.Empty);
            case 2:
                var hash = reader.ReadHash();
                var uri = GovernanceText.ReadRequired(ref reader, MaxUriBytes, "document URI");
                return new ProposalDocument(string.Empty, hash, uri);
            default:
                throw new DecodeException(DecodeError.InvalidValue, $"Document form {form} is not inline (1) or external (2).");
        }
    }
}
