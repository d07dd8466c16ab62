using Roundtable.Node.Hosting;

namespace Roundtable.Node.Devnet;

/// <summary>
/// The devnet's demo zone, <c>forum.internal.</c> (RFC 9476's reserved .internal, so it can never
/// clash with a delegated name): every verified member may register, one name server per node,
/// all on 127.0.0.1 since a devnet lives on one machine (each node's DNS port tells them apart).
/// </summary>
public static class DevnetZone
{
    /// <summary>The zone's origin.</summary>
    public const string Origin = "forum.internal.";

    /// <summary>The zone for a devnet of <paramref name="validators"/> nodes, signed by each node's own DNSSEC key (<paramref name="signingKeys"/>).</summary>
    public static GenesisDocument.ZoneDocument Document(int validators, IReadOnlyList<GenesisDocument.SigningKeyDocument>? signingKeys = null) =>
        StarterZone.Document(Origin, validators, "127.0.0.1", requireVerified: true, signingKeys);
}
