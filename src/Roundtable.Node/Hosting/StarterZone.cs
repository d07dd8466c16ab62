namespace Roundtable.Node.Hosting;

/// <summary>
/// The policy a new chain's first zone starts with (proposals change it later): every member may
/// register (only verified ones where affiliations are checked), labels of two characters or
/// more, a year's registration and 30 days' grace, every record type, wildcards, 5-minute TTL.
/// </summary>
public static class StarterZone
{
    /// <summary>
    /// Zone <paramref name="origin"/> with name servers ns1…nsN inside it, all at <paramref name="address"/>,
    /// signed by the operators' <paramref name="signingKeys"/> (none: unsigned).
    /// </summary>
    public static GenesisDocument.ZoneDocument Document(string origin, int nameServers, string address, bool requireVerified, IReadOnlyList<GenesisDocument.SigningKeyDocument>? signingKeys = null) => new(
        origin,
        "hostmaster." + origin,
        [.. Enumerable.Range(1, nameServers).Select(i => new GenesisDocument.NameServerDocument($"ns{i}.{origin}", address))],
        RegistrantGroups: [],
        RequireVerified: requireVerified,
        MinLabelLength: 2,
        ReservedLabels: ["hostmaster", "nic", "whois"],
        RegistrationPeriodSeconds: 365 * 86_400,
        GracePeriodSeconds: 30 * 86_400,
        MaxRecordsPerName: 16,
        AllowedTypes: ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "TLSA", "NS", "DS"],
        AllowWildcards: true,
        Ttl: 300,
        SigningKeys: signingKeys);
}
