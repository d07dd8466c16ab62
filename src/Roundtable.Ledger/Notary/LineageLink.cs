using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Notary;

/// <summary>How an anchor relates to an earlier one.</summary>
public enum LineageRelation : byte
{
    /// <summary>The anchor is a new version of the parent document (at most one per anchor).</summary>
    NewVersionOf = 1,

    /// <summary>The anchor was derived from the parent (a transformation, an extract, a merge).</summary>
    DerivedFrom = 2,
}

/// <summary>A link from an anchor to an earlier anchor, by the parent's digest.</summary>
/// <param name="Relation">New version of, or derived from.</param>
/// <param name="Parent">The parent anchor's SHA-256 digest.</param>
public sealed record LineageLink(LineageRelation Relation, Hash256 Parent)
{
    /// <summary>Most links of one anchor.</summary>
    public const int MaxLinks = 16;

    /// <summary>"new-version-of" or "derived-from".</summary>
    public static string Name(LineageRelation relation) => relation == LineageRelation.NewVersionOf ? "new-version-of" : "derived-from";

    /// <summary>The relation named <paramref name="name"/>, or null.</summary>
    public static LineageRelation? Parse(string? name) => name switch
    {
        "new-version-of" => LineageRelation.NewVersionOf,
        "derived-from" => LineageRelation.DerivedFrom,
        _ => null,
    };

    /// <summary>Writes the relation byte.</summary>
    public static void WriteRelation(CanonicalWriter writer, LineageRelation relation) => writer.WriteByte((byte)relation);

    /// <summary>Reads a relation byte; anything but 1 or 2 is refused.</summary>
    public static LineageRelation ReadRelation(ref CanonicalReader reader) => reader.ReadByte() switch
    {
        1 => LineageRelation.NewVersionOf,
        2 => LineageRelation.DerivedFrom,
        var b => throw new DecodeException(DecodeError.InvalidValue, $"Lineage relation {b} is not new-version-of (1) or derived-from (2)."),
    };

    /// <summary>Writes the count, then each link as relation byte and parent digest.</summary>
    public static void WriteList(CanonicalWriter writer, IReadOnlyList<LineageLink> links) =>
        writer.WriteList(links, static (w, l) =>
        {
            WriteRelation(w, l.Relation);
            w.WriteHash(l.Parent);
        });

    /// <summary>
    /// Reads at most <see cref="MaxLinks"/> links in strictly ascending parent order (one link per
    /// parent, one encoding per set) with at most one <see cref="LineageRelation.NewVersionOf"/>.
    /// </summary>
    public static LineageLink[] ReadList(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxLinks, "lineage link count");
        var links = new LineageLink[count];
        var versions = 0;
        for (var i = 0; i < count; i++)
        {
            links[i] = new LineageLink(ReadRelation(ref reader), reader.ReadHash());
            if (i > 0 && links[i - 1].Parent >= links[i].Parent)
            {
                throw new DecodeException(DecodeError.NonCanonical, "Lineage links must name each parent once, in ascending digest order.");
            }

            if (links[i].Relation == LineageRelation.NewVersionOf && ++versions > 1)
            {
                throw new DecodeException(DecodeError.InvalidValue, "An anchor is a new version of at most one earlier anchor.");
            }
        }

        return links;
    }
}
