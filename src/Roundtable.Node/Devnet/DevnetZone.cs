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

    /// <summary>The zone for a devnet of <paramref name="validators"/> nodes.</summary>
    public static GenesisDocument.ZoneDocument Document(int validators) => new(
        Origin,
        "hostmaster." + Origin,
        [.. Enumerable.Range(1, validators).Select(i => new GenesisDocument.NameServerDocument($"ns{i}.{Origin}", "127.0.0.1"))],
        RegistrantGroups: [],
        RequireVerified: true,
        MinLabelLength: 2,
        ReservedLabels: ["hostmaster", "nic", "whois"],
        RegistrationPeriodSeconds: 365 * 86_400,
        GracePeriodSeconds: 30 * 86_400,
        MaxRecordsPerName: 16,
        AllowedTypes: ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "TLSA", "NS", "DS"],
        AllowWildcards: true,
        Ttl: 300);
}
