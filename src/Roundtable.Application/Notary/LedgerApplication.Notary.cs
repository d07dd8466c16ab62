using Roundtable.Application.Notary;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Notary;

namespace Roundtable.Application;

/// <summary>Read-only queries of the notary.</summary>
public sealed partial class LedgerApplication
{
    /// <summary>The anchor of the document whose SHA-256 is <paramref name="digest"/>, or null.</summary>
    public AnchorRecord? GetAnchor(Hash256 digest) => NotaryModule.GetAnchor(Committed, digest);

    /// <summary>Anchors <paramref name="member"/> authored or co-signed, in digest order, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<SignedAnchor> ListMemberAnchors(Hash256 member, int limit) =>
        [.. _map.EnumeratePrefix(NotaryKeys.MemberAnchorPrefix(member)).Take(limit).Select(e => new SignedAnchor(
            Canonical.FromBytes<MemberAnchor>(e.Value).Role,
            GetAnchor(NotaryKeys.DigestAtEnd(e.Key)) ?? throw new InvalidOperationException($"Member anchor index names a missing anchor at {System.Text.Encoding.ASCII.GetString(e.Key)}.")))];

    /// <summary>An anchor's ancestors and descendants (bounded, see <see cref="AnchorLineage"/>), or null when it is not anchored.</summary>
    public AnchorLineage? GetAnchorLineage(Hash256 digest) => AnchorLineage.Load(_map, digest);
}
