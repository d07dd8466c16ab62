using System.Text;
using System.Text.Json.Nodes;
using Roundtable.Application.Notary;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Json;

namespace Roundtable.Node.Api;

/// <summary>JSON views of notary anchors and their lineage.</summary>
public static class NotaryViews
{
    /// <summary>An anchor: metadata, author and co-signers as they were when they signed, status, and the state key that proves it.</summary>
    public static JsonObject Anchor(AnchorRecord a) => new()
    {
        ["digest"] = a.Digest.ToString(),
        ["stateKey"] = Encoding.ASCII.GetString(NotaryKeys.Anchor(a.Digest)),
        ["title"] = a.Metadata.Title,
        ["mediaType"] = a.Metadata.MediaType,
        ["sizeBytes"] = a.Metadata.SizeBytes,
        ["url"] = a.Metadata.Url,
        ["tags"] = new JsonArray([.. a.Metadata.Tags.Select(t => (JsonNode)JsonValue.Create(t))]),
        ["links"] = NotaryMessageJson.Links(a.Links),
        ["author"] = Signer(a.Author),
        ["anchoredHeight"] = a.AnchoredHeight,
        ["anchoredAt"] = ApiViews.Time(a.AnchoredTimeMs),
        ["endorsements"] = new JsonArray([.. a.Endorsements.Select(e => (JsonNode)Signer(e))]),
        ["status"] = AnchorStatuses.Name(a.Status),
        ["statusReason"] = a.Status == AnchorStatus.Active ? null : a.StatusReason,
        ["statusHeight"] = a.Status == AnchorStatus.Active ? null : a.StatusHeight,
        ["replacement"] = a.Replacement?.ToString(),
        ["withdrawnBy"] = a.Status == AnchorStatus.Active ? null : a.WithdrawingProposal is null ? "author" : "proposal",
        ["withdrawingProposal"] = a.WithdrawingProposal?.ToString(),
    };

    /// <summary>The anchors a member signed, each with the member's role.</summary>
    public static JsonObject MemberAnchors(string member, IReadOnlyList<SignedAnchor> anchors) => new()
    {
        ["member"] = member,
        ["anchors"] = new JsonArray([.. anchors.Select(s =>
        {
            var view = Anchor(s.Anchor);
            view["role"] = MemberAnchor.RoleName(s.Role);
            return (JsonNode)view;
        })]),
    };

    /// <summary>An anchor with its ancestors and descendants.</summary>
    public static JsonObject Lineage(AnchorLineage lineage) => new()
    {
        ["anchor"] = Anchor(lineage.Anchor),
        ["ancestors"] = Entries(lineage.Ancestors),
        ["descendants"] = Entries(lineage.Descendants),
        ["truncated"] = lineage.Truncated,
    };

    private static JsonObject Signer(AnchorSigner s) => new()
    {
        ["member"] = s.Member.ToString(),
        ["stakeholderGroup"] = s.StakeholderGroup,
        ["region"] = s.Region,
        ["verified"] = s.Verified,
        ["height"] = s.Height,
        ["time"] = ApiViews.Time(s.TimeMs),
    };

    private static JsonArray Entries(IReadOnlyList<LineageEntry> entries) =>
        new([.. entries.Select(e => (JsonNode)new JsonObject
        {
            ["depth"] = e.Depth,
            ["relation"] = LineageLink.Name(e.Relation),
            ["via"] = e.Via.ToString(),
            ["anchor"] = Anchor(e.Anchor),
        })]);
}
