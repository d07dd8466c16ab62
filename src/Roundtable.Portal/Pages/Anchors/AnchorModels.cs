using Roundtable.Application;
using Roundtable.Application.Members;
using Roundtable.Application.Notary;
using Roundtable.Application.Parameters;
using Roundtable.Core.Hashing;

namespace Roundtable.Portal.Pages.Anchors;

/// <summary>The look-up form, with what was typed and a problem with it, if any.</summary>
/// <param name="Typed">The digest as typed, to show it back.</param>
/// <param name="ProblemKey">The language key of what is wrong with it, or null.</param>
public sealed record AnchorLookupModel(string? Typed, string? ProblemKey);

/// <summary>An anchored document, its lineage, and the members who signed it.</summary>
public sealed record AnchorModel(AnchorLineage Lineage, IReadOnlyDictionary<Hash256, MemberRecord> Members, ChainParameters Parameters)
{
    /// <summary>Reads the anchor of <paramref name="digest"/> from committed state, or null when the document is not anchored.</summary>
    public static AnchorModel? Read(LedgerApplication app, Hash256 digest)
    {
        if (app.GetAnchorLineage(digest) is not { } lineage)
        {
            return null;
        }

        var anchor = lineage.Anchor;
        var members = anchor.Endorsements.Select(e => e.Member).Append(anchor.Author.Member).Distinct()
            .Select(app.GetMember).OfType<MemberRecord>().ToDictionary(m => m.Id);
        return new AnchorModel(lineage, members, app.Parameters);
    }
}
