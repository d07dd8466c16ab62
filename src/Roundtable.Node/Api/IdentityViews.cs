using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Roundtable.Application.Identities;
using Roundtable.Application.Parameters;
using Roundtable.Core.Hashing;
using Roundtable.Node.Json;

namespace Roundtable.Node.Api;

/// <summary>JSON views of identities from trust services: a member's certificate affiliation and the trust anchors.</summary>
public static class IdentityViews
{
    /// <summary>A certificate affiliation as it reads at <paramref name="timeMs"/> (the last block's time) under <paramref name="parameters"/>.</summary>
    public static JsonObject Affiliation(CertifiedAffiliation a, ulong timeMs, ChainParameters parameters)
    {
        var status = a.StatusAt(timeMs, parameters);
        return new JsonObject
        {
            ["anchor"] = a.Anchor,
            ["organisation"] = a.Organisation.Length == 0 ? null : a.Organisation,
            ["status"] = StatusName(status),
            ["summary"] = Summary(a, status),
            ["certificateDigest"] = a.CertificateDigest.ToString(),
            ["issuer"] = a.Issuer.ToString(),
            ["serial"] = Convert.ToHexStringLower(a.Serial),
            ["notAfter"] = ApiViews.Time(a.NotAfterMs),
            ["verifiedAtHeight"] = a.VerifiedAtHeight,
            ["revokedAtHeight"] = a.RevokedAtHeight == 0 ? null : a.RevokedAtHeight,
        };
    }

    /// <summary>A trust anchor: its name, the groups it vouches for (empty: any), and its root certificate with a readable subject.</summary>
    public static JsonObject Anchor(TrustAnchor anchor)
    {
        var root = DerCertificate.Parse(anchor.Root);
        return new JsonObject
        {
            ["name"] = anchor.Name,
            ["groups"] = JsonFields.Strings(anchor.Groups),
            ["rootSubject"] = new X500DistinguishedName(root.Subject.ToArray()).Name,
            ["rootNotAfter"] = ApiViews.Time((ulong)Math.Max(0, root.NotAfterMs)),
            ["rootDigest"] = Hash256.Compute(anchor.Root).ToString(),
            ["rootCertificate"] = Convert.ToBase64String(anchor.Root),
        };
    }

    /// <summary>Trust anchors as parameters carry them (name, groups, base64 root), the form <see cref="ReadAnchors"/> reads back.</summary>
    public static JsonArray Anchors(ChainParameters parameters) => new([.. parameters.Anchors.Select(a => (JsonNode)Anchor(a))]);

    /// <summary>Reads trust anchors from <see cref="Anchors"/>' form; null when the field is absent or empty.</summary>
    public static TrustAnchor[]? ReadAnchors(JsonNode? anchors) =>
        anchors is JsonArray { Count: > 0 } list
            ? [.. list.Select(a => new TrustAnchor((string)a!["name"]!, [.. ((JsonArray)a["groups"]!).Select(g => (string)g!)], Convert.FromBase64String((string)a["rootCertificate"]!)))]
            : null;

    private static string StatusName(AffiliationStatus status) => status switch
    {
        AffiliationStatus.Verified => "verified",
        AffiliationStatus.Expired => "expired",
        AffiliationStatus.Revoked => "revoked",
        _ => "anchor-withdrawn",
    };

    private static string Summary(CertifiedAffiliation a, AffiliationStatus status) => status switch
    {
        AffiliationStatus.Verified => $"affiliation verified by {a.Anchor} until {ApiViews.Time(a.NotAfterMs)}",
        AffiliationStatus.Expired => $"affiliation verified by {a.Anchor}, expired at {ApiViews.Time(a.NotAfterMs)}",
        AffiliationStatus.Revoked => $"affiliation verified by {a.Anchor}, revoked at height {a.RevokedAtHeight}",
        _ => $"affiliation verified by {a.Anchor}, an anchor the parameters no longer name",
    };
}
