using System.CommandLine;
using System.Text;
using Microsoft.AspNetCore.StaticFiles;
using Roundtable.Cli.Infrastructure;
using Roundtable.Cli.Tx;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;

namespace Roundtable.Cli.Notary;

/// <summary>
/// The options of <c>tx anchor</c> and how they become an <see cref="AnchorDocument"/>. Each rule the
/// node enforces is checked here first, so a mistake is explained before anything is signed.
/// </summary>
internal sealed class AnchorOptions
{
    private static readonly FileExtensionContentTypeProvider MediaTypes = new();

    public DocumentDigest Document { get; } = new();

    public Option<ulong?> Size { get; } = new("--size") { Description = "The document's size in bytes (with --digest; measured when --file is given)" };

    public Option<string> Title { get; } = new("--title") { Description = $"A public title, 1-{AnchorMetadata.MaxTitleBytes} bytes", Required = true };

    public Option<string?> MediaType { get; } = new("--media-type") { Description = "RFC 6838 media type such as application/pdf (default: from the file name, else application/octet-stream)" };

    public Option<string?> Url { get; } = new("--url") { Description = "Where the document can be fetched (http or https)" };

    public Option<string[]> Tags { get; } = new("--tag") { Description = "A tag: a-z, 0-9, '-' (repeatable, at most 16)" };

    public Option<string?> VersionOf { get; } = new("--version-of") { Description = "Digest of the anchored document this is a new version of" };

    public Option<string[]> DerivedFrom { get; } = new("--derived-from") { Description = "Digest of an anchored document this was derived from (repeatable)" };

    public void AddTo(Command command)
    {
        Document.AddTo(command);
        foreach (var option in new Option[] { Size, Title, MediaType, Url, Tags, VersionOf, DerivedFrom })
        {
            command.Options.Add(option);
        }
    }

    public AnchorDocument Build(ParseResult parse)
    {
        var (digest, measured) = Document.Resolve(parse);
        var given = parse.GetValue(Size);
        if (measured is not null && given is not null)
        {
            throw new CliException("--size goes with --digest; the size of a --file is measured.", "usage");
        }

        var size = measured ?? given ?? throw new CliException("--digest needs --size N: the document's size in bytes.", "usage");
        var title = parse.GetValue(Title)!;
        if (title.Length == 0 || Encoding.UTF8.GetByteCount(title) > AnchorMetadata.MaxTitleBytes)
        {
            throw new CliException($"--title must be 1-{AnchorMetadata.MaxTitleBytes} bytes.", "invalid-argument");
        }

        var metadata = new AnchorMetadata(title, ReadMediaType(parse), size, ReadUrl(parse), ReadTags(parse));
        return new AnchorDocument(digest, metadata, ReadLinks(parse, digest));
    }

    private string ReadMediaType(ParseResult parse)
    {
        var given = parse.GetValue(MediaType);
        var guessed = parse.GetValue(Document.File) is { } file && MediaTypes.TryGetContentType(file, out var type) ? type.ToLowerInvariant() : null;
        var mediaType = given?.Trim().ToLowerInvariant() ?? (Ledger.Notary.MediaType.IsValid(guessed) ? guessed! : Ledger.Notary.MediaType.Unknown);
        return Ledger.Notary.MediaType.IsValid(mediaType)
            ? mediaType
            : throw new CliException($"--media-type '{given}' is not a type/subtype such as application/pdf or text/csv (RFC 6838, no parameters).", "invalid-argument");
    }

    private string? ReadUrl(ParseResult parse)
    {
        var url = parse.GetValue(Url);
        return url is null || AnchorUrl.IsValid(url)
            ? url
            : throw new CliException($"--url '{url}' must be an http:// or https:// address of at most {AnchorUrl.MaxBytes} printable ASCII characters (percent-encode spaces and other characters).", "invalid-argument");
    }

    private string[] ReadTags(ParseResult parse)
    {
        var tags = (parse.GetValue(Tags) ?? []).Select(t => TxArguments.Identifier(t, "--tag")).Distinct().Order(StringComparer.Ordinal).ToArray();
        return tags.Length <= AnchorMetadata.MaxTags ? tags : throw new CliException($"at most {AnchorMetadata.MaxTags} --tag options.", "invalid-argument");
    }

    private LineageLink[] ReadLinks(ParseResult parse, Hash256 digest)
    {
        var links = (parse.GetValue(DerivedFrom) ?? []).Select(d => new LineageLink(LineageRelation.DerivedFrom, Parent(d, "--derived-from"))).ToList();
        if (parse.GetValue(VersionOf) is { } version)
        {
            links.Add(new LineageLink(LineageRelation.NewVersionOf, Parent(version, "--version-of")));
        }

        if (links.Any(l => l.Parent == digest))
        {
            throw new CliException("a document cannot be a version of, or derived from, itself.", "invalid-argument");
        }

        if (links.Select(l => l.Parent).Distinct().Count() != links.Count || links.Count > LineageLink.MaxLinks)
        {
            throw new CliException($"name each earlier document once, at most {LineageLink.MaxLinks} in all.", "invalid-argument");
        }

        return [.. links.OrderBy(l => l.Parent)];
    }

    private static Hash256 Parent(string text, string option) => AnchorArguments.Digest(text, option);
}
