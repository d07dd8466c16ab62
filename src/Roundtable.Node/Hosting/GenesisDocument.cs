using System.Globalization;
using System.Text.Json;
using Roundtable.Application.Disputes;
using Roundtable.Application.Genesis;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Parameters;
using Roundtable.Core.Crypto;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Ledger.Names;
using Roundtable.Ledger.Validators;

namespace Roundtable.Node.Hosting;

/// <summary>The genesis file (config/genesis.json): the JSON face of <see cref="GenesisState"/>.</summary>
public sealed record GenesisDocument
{
    /// <summary>Chain id.</summary>
    public required string ChainId { get; init; }

    /// <summary>Time of block 1, RFC 3339 UTC.</summary>
    public required string GenesisTime { get; init; }

    /// <summary>Initial parameters.</summary>
    public required ParametersDocument Parameters { get; init; }

    /// <summary>Initial validators.</summary>
    public required IReadOnlyList<ValidatorDocument> Validators { get; init; }

    /// <summary>Founding members, verified from the start.</summary>
    public IReadOnlyList<GenesisMemberDocument> Members { get; init; } = [];

    /// <summary>The co-governed DNS zones the chain starts with (docs/dns.md); later zones come by proposal.</summary>
    public IReadOnlyList<ZoneDocument> Zones { get; init; } = [];

    /// <summary>When set, every governance period (deliberation, voting, reveal, call, appeal, timelock) of the default rules lasts this many seconds: for devnets and demos.</summary>
    public ulong? GovernancePeriodSeconds { get; init; }

    /// <summary>Parameters as JSON.</summary>
    public sealed record ParametersDocument(
        IReadOnlyList<NamedEntry> StakeholderGroups,
        IReadOnlyList<NamedEntry> Regions,
        AdmissionRule Admission,
        uint AttestationsRequired,
        ulong RecoveryDelaySeconds,
        uint MinValidatorGroups = 1,
        IReadOnlyList<string>? PasskeyRelyingParties = null,
        IReadOnlyList<TrustAnchorDocument>? TrustAnchors = null,
        DisputeRulesDocument? Disputes = null);

    /// <summary>Dispute rules as JSON (docs/disputes.md): periods in seconds, remedies by name ("order-nothing", "transfer-name", …).</summary>
    public sealed record DisputeRulesDocument(
        uint PanelSize,
        uint MinPanelSize,
        ulong StatementPeriodSeconds,
        ulong DeliberationSeconds,
        ulong AppealWindowSeconds,
        ulong MaxSuspensionSeconds,
        IReadOnlyList<string> Remedies)
    {
        /// <summary>The document of <paramref name="rules"/> (whole seconds).</summary>
        public static DisputeRulesDocument From(DisputeRules rules) => new(
            rules.PanelSize, rules.MinPanelSize, rules.StatementPeriodMs / 1000, rules.DeliberationMs / 1000, rules.AppealWindowMs / 1000,
            rules.MaxSuspensionMs / 1000, [.. rules.Remedies.Select(Remedy.NameOf)]);

        /// <summary>The rules; an unknown remedy is refused.</summary>
        public DisputeRules ToRules() => new(
            PanelSize, MinPanelSize, checked(StatementPeriodSeconds * 1000), checked(DeliberationSeconds * 1000), checked(AppealWindowSeconds * 1000),
            checked(MaxSuspensionSeconds * 1000),
            [.. Remedies.Select(r => Remedy.Parse(r) ?? throw new InvalidDataException($"Genesis dispute rules: unknown remedy '{r}'.")).Distinct().Order()]);
    }

    /// <summary>A trust anchor as JSON: its name, the groups it may vouch for (none: any), and its root CA certificate as PEM or base64 DER.</summary>
    public sealed record TrustAnchorDocument(string Name, IReadOnlyList<string>? Groups, string RootCertificate)
    {
        /// <summary>The anchor, groups sorted; a root that is neither PEM nor base64 is refused.</summary>
        public TrustAnchor ToAnchor()
        {
            var base64 = string.Concat(RootCertificate.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim()));
            try
            {
                return new TrustAnchor(Name, [.. (Groups ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], Convert.FromBase64String(base64));
            }
            catch (FormatException)
            {
                throw new InvalidDataException($"Trust anchor '{Name}': the root certificate is neither PEM nor base64 DER.");
            }
        }
    }

    /// <summary>The relying-party id of a portal opened on this machine: what a devnet's and a test network's passkeys are made for.</summary>
    public const string LocalRelyingParty = "localhost";

    /// <summary>A validator as JSON (power is derived, never configured); the operator's region is optional.</summary>
    public sealed record ValidatorDocument(string Name, string PublicKey, string StakeholderGroup, string? Region = null);

    /// <summary>A zone's apex name server as JSON: its name and, when inside the zone, its IPv4 or IPv6 address (glue).</summary>
    public sealed record NameServerDocument(string Host, string? Address = null);

    /// <summary>An operator's DNSSEC key as JSON: the 64-byte P-256 point in hex (128 characters), active unless said otherwise.</summary>
    public sealed record SigningKeyDocument(string Operator, string PublicKey, bool Active = true);

    /// <summary>
    /// A zone and its registration policy as JSON (see <see cref="ZonePolicy"/>); periods in
    /// seconds, record types by name, secondaries as "address:port" ("[2001:db8::53]:53" for IPv6).
    /// </summary>
    public sealed record ZoneDocument(
        string Origin,
        string Contact,
        IReadOnlyList<NameServerDocument> NameServers,
        IReadOnlyList<string> RegistrantGroups,
        bool RequireVerified,
        uint MinLabelLength,
        IReadOnlyList<string> ReservedLabels,
        ulong RegistrationPeriodSeconds,
        ulong GracePeriodSeconds,
        uint MaxRecordsPerName,
        IReadOnlyList<string> AllowedTypes,
        bool AllowWildcards,
        uint Ttl,
        IReadOnlyList<string>? Secondaries = null,
        string? TransferKey = null,
        IReadOnlyList<SigningKeyDocument>? SigningKeys = null)
    {
        /// <summary>The policy, its lists in canonical order.</summary>
        /// <exception cref="InvalidDataException">An address or a record type is not one.</exception>
        public ZonePolicy ToPolicy() => new(
            Origin,
            Contact,
            [.. NameServers.Select(ns => new ZoneNameServer(ns.Host, ns.Address is null ? [] : ParseAddress(ns.Address, ns.Host)))],
            [.. RegistrantGroups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            RequireVerified,
            MinLabelLength,
            [.. ReservedLabels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            checked(RegistrationPeriodSeconds * 1000),
            checked(GracePeriodSeconds * 1000),
            MaxRecordsPerName,
            [.. AllowedTypes.Select(ParseType).Distinct().Order()],
            AllowWildcards,
            Ttl,
            [.. (Secondaries ?? []).Select(ParseSecondary).DistinctBy(s => (Convert.ToHexString(s.Address), s.Port)).OrderBy(s => Convert.ToHexString(s.Address), StringComparer.Ordinal).ThenBy(s => s.Port)],
            TransferKey ?? "",
            [.. (SigningKeys ?? []).Select(k => new ZoneSigningKey(k.Operator, ParseHex(k.PublicKey, $"signing key of {k.Operator}"), k.Active))]);

        /// <summary>The JSON form of <paramref name="policy"/>.</summary>
        public static ZoneDocument From(ZonePolicy policy) => new(
            policy.Origin,
            policy.Contact,
            [.. policy.NameServers.Select(ns => new NameServerDocument(ns.Host, ns.Address.Length == 0 ? null : new System.Net.IPAddress(ns.Address).ToString()))],
            policy.RegistrantGroups,
            policy.RequireVerified,
            policy.MinLabelLength,
            policy.ReservedLabels,
            policy.RegistrationPeriodMs / 1000,
            policy.GracePeriodMs / 1000,
            policy.MaxRecordsPerName,
            [.. policy.AllowedTypes.Select(t => t.ToString())],
            policy.AllowWildcards,
            policy.Ttl,
            [.. policy.Secondaries.Select(s => new System.Net.IPEndPoint(new System.Net.IPAddress(s.Address), s.Port).ToString())],
            policy.TransferKey.Length == 0 ? null : policy.TransferKey,
            [.. policy.SigningKeys.Select(k => new SigningKeyDocument(k.Operator, Convert.ToHexStringLower(k.PublicKey), k.Active))]);

        private static byte[] ParseHex(string hex, string what)
        {
            try
            {
                return Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                throw new InvalidDataException($"The {what} is not hexadecimal.");
            }
        }

        private static ZoneSecondary ParseSecondary(string text) =>
            System.Net.IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port > 0
                ? new ZoneSecondary(endPoint.Address.GetAddressBytes(), (ushort)endPoint.Port)
                : throw new InvalidDataException($"Zone secondary '{text}' is not an address and port such as 192.0.2.53:53.");

        private static byte[] ParseAddress(string text, string host) =>
            System.Net.IPAddress.TryParse(text, out var address)
                ? address.GetAddressBytes()
                : throw new InvalidDataException($"Zone name server {host}: '{text}' is not an IP address.");

        private static DnsRecordType ParseType(string name) =>
            Enum.TryParse<DnsRecordType>(name, ignoreCase: false, out var type) && Enum.IsDefined(type) && !char.IsDigit(name[0])
                ? type
                : throw new InvalidDataException($"'{name}' is not a record type names may publish ({string.Join(", ", Enum.GetNames<DnsRecordType>())}).");
    }

    /// <summary>A founding member as JSON.</summary>
    public sealed record GenesisMemberDocument(string DisplayName, string PublicKey, string StakeholderGroup, string Region);

    /// <summary>The stakeholder groups of multistakeholder Internet governance.</summary>
    public static IReadOnlyList<NamedEntry> DefaultGroups { get; } =
    [
        new("civil-society", "Civil society"),
        new("government", "Governments"),
        new("intergovernmental", "Intergovernmental organisations"),
        new("private-sector", "Private sector"),
        new("technical", "Technical community"),
    ];

    /// <summary>The five United Nations regional groups.</summary>
    public static IReadOnlyList<NamedEntry> DefaultRegions { get; } =
    [
        new("africa", "Africa"),
        new("asia-pacific", "Asia-Pacific"),
        new("eastern-europe", "Eastern Europe"),
        new("latin-america-caribbean", "Latin America and the Caribbean"),
        new("western-europe-others", "Western Europe and others"),
    ];

    /// <summary>Reads and validates a genesis file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid genesis.</exception>
    public static GenesisDocument Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<GenesisDocument>(File.ReadAllText(path), NodeJson.Files)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid genesis file: {e.Message}", e);
        }
    }

    /// <summary>Writes the file.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, NodeJson.Files));

    /// <summary>Converts to the application's genesis, validating every field.</summary>
    /// <exception cref="InvalidDataException">A field is invalid; the message says which.</exception>
    public GenesisState ToState()
    {
        if (!Ledger.ChainId.IsValid(ChainId))
        {
            throw new InvalidDataException($"Genesis chainId '{ChainId}' is invalid (a–z, 0–9, '.', '_', '-', at most 64).");
        }

        if (!DateTimeOffset.TryParse(GenesisTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) || time.ToUnixTimeMilliseconds() < 0)
        {
            throw new InvalidDataException($"Genesis time '{GenesisTime}' is not an RFC 3339 time.");
        }

        var p = Parameters;
        var parameters = new ChainParameters(
            [.. p.StakeholderGroups.OrderBy(g => g.Id, StringComparer.Ordinal)],
            [.. p.Regions.OrderBy(r => r.Id, StringComparer.Ordinal)],
            p.Admission,
            p.AttestationsRequired,
            checked(p.RecoveryDelaySeconds * 1000),
            p.MinValidatorGroups,
            p.PasskeyRelyingParties is null ? null : [.. p.PasskeyRelyingParties.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            p.TrustAnchors is null ? null : [.. p.TrustAnchors.Select(a => a.ToAnchor()).OrderBy(a => a.Name, StringComparer.Ordinal)],
            p.Disputes?.ToRules());
        var problem = parameters.Validate();
        if (problem is not null || parameters.StakeholderGroups.Concat(parameters.Regions).Any(e => !Identifier.IsValid(e.Id)))
        {
            throw new InvalidDataException("Genesis parameters: " + (problem ?? "group and region ids must be identifiers") + ".");
        }

        var validators = Validators.Select(v => new Validator(ParseValidatorKey(v.PublicKey, "validator " + v.Name), v.Name, v.StakeholderGroup, 1)).ToList();
        if (validators.Count == 0 || validators.Any(v => !parameters.HasGroup(v.StakeholderGroup)))
        {
            throw new InvalidDataException("Genesis needs at least one validator, each in a declared stakeholder group.");
        }

        var members = Members.Select(m => new GenesisMember(ParseKey(m.PublicKey, "member " + m.DisplayName), m.DisplayName, m.StakeholderGroup, m.Region)).ToList();
        var regions = Validators.Zip(validators).Where(p => p.First.Region is not null).Select(p => new GenesisValidatorRegion(p.Second.Key, p.First.Region!)).ToList();
        if (regions.Any(r => !parameters.HasRegion(r.Region)))
        {
            throw new InvalidDataException("Genesis validators may name only declared regions.");
        }

        var governance = GovernancePeriodSeconds is { } seconds ? GovernanceParameters.Default.WithUniformPeriods(checked(seconds * 1000)) : null;
        var zones = Zones.Select(z => z.ToPolicy()).ToList();
        if (zones.Select(z => (z.Origin, Problem: z.Problem(parameters.HasGroup))).FirstOrDefault(z => z.Problem is not null) is { Problem: not null } bad)
        {
            throw new InvalidDataException($"Genesis zone {bad.Origin}: {bad.Problem}.");
        }

        return new GenesisState(ChainId, (ulong)time.ToUnixTimeMilliseconds(), parameters, validators, members, regions, governance, zones);
    }

    private static PublicKey ParseValidatorKey(string hex, string owner)
    {
        var key = ParseKey(hex, owner);
        return PublicKey.ConsensusKeyProblem(key) is { } problem ? throw new InvalidDataException($"Genesis {owner}: {problem}") : key;
    }

    private static PublicKey ParseKey(string hex, string owner) =>
        PublicKey.TryParse(hex, out var key) && key is not null && SignatureVerifier.IsValidKey(key)
            ? key
            : throw new InvalidDataException($"Genesis {owner}: '{hex}' is not a valid public key.");
}
