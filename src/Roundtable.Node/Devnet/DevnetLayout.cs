using System.Globalization;
using System.Text.Json;
using Roundtable.Application.Disputes;
using Roundtable.Application.Parameters;
using Roundtable.Core.Crypto;
using Roundtable.Node.Hosting;

namespace Roundtable.Node.Devnet;

/// <summary>One node of a local network (a validator, or a full node): its home, ports and identity.</summary>
/// <param name="Name">node-0, node-1, …</param>
/// <param name="Home">Its home directory.</param>
/// <param name="StakeholderGroup">The group its validator runs for (empty for a full node).</param>
/// <param name="ValidatorName">Operator name in the genesis ("full node N" for a full node).</param>
/// <param name="ApiUrl">HTTP API.</param>
/// <param name="P2p">Peer port address.</param>
/// <param name="NodeId">Peer identity (hash of the node key).</param>
/// <param name="Dns">Its authoritative DNS server, UDP and TCP (null in networks made before DNS, and for full nodes).</param>
/// <param name="IsValidator">False for a full node: it follows the chain and serves the API and portal without voting power.</param>
public sealed record DevnetNode(string Name, string Home, string StakeholderGroup, string ValidatorName, string ApiUrl, string P2p, string NodeId, string? Dns = null, bool IsValidator = true);

/// <summary>Who a devnet node dials: every other node, or (sparse) only its two neighbours on a ring of the validators, full nodes one validator each.</summary>
public enum DevnetTopology
{
    /// <summary>Every node a persistent peer of every other.</summary>
    Mesh,

    /// <summary>Validator i peers with validators i−1 and i+1 (mod n); full node j with validator j (mod n). Consensus messages reach the rest by relay.</summary>
    Ring,
}

/// <summary>
/// A local multi-validator network on loopback: one home per validator, one per stakeholder group,
/// optional full nodes (no voting power: they follow the chain and serve the API and the portal),
/// a shared genesis, peers by <see cref="DevnetTopology"/>. Written once, reused by later runs.
/// </summary>
public static class DevnetLayout
{
    /// <summary>Chain id of local networks.</summary>
    public const string ChainId = "roundtable-devnet";

    /// <summary>Length of every governance period on a devnet, in seconds of block time.</summary>
    public const ulong DefaultGovernancePeriodSeconds = 20;

    private const string ManifestFile = "devnet.json";

    /// <summary>The order in which validators are given stakeholder groups (one group each, cycling after five), with each operator's region.</summary>
    public static IReadOnlyList<(string Group, string Operator, string Region)> Operators { get; } =
    [
        ("government", "Ministry of Digital Affairs", "africa"),
        ("civil-society", "Open Rights Network", "latin-america-caribbean"),
        ("technical", "Regional Internet Registry", "asia-pacific"),
        ("private-sector", "Community Networks Cooperative", "eastern-europe"),
        ("intergovernmental", "Intergovernmental Telecom Forum", "western-europe-others"),
    ];

    /// <summary>
    /// Two founding members per stakeholder group, verified from genesis so that attestation can
    /// start; their keys go to <c>keys/founder-&lt;group&gt;-&lt;n&gt;.pem</c> for the tour.
    /// </summary>
    private static IReadOnlyList<GenesisDocument.GenesisMemberDocument> WriteFounderKeys(string keyring)
    {
        Directory.CreateDirectory(keyring);
        var regions = GenesisDocument.DefaultRegions;
        var founders = new List<GenesisDocument.GenesisMemberDocument>();
        var index = 0;
        foreach (var group in GenesisDocument.DefaultGroups)
        {
            for (var n = 1; n <= 2; n++)
            {
                using var key = PrivateKey.Generate();
                KeyFiles.Write(Path.Combine(keyring, $"founder-{group.Id}-{n}.pem"), key);
                founders.Add(new GenesisDocument.GenesisMemberDocument($"Founder {n}, {group.Name}", key.PublicKey.ToString(), group.Id, regions[index++ % regions.Count].Id));
            }
        }

        return founders;
    }

    /// <summary>True when <paramref name="directory"/> holds a network.</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, ManifestFile));

    /// <summary>The nodes of an existing network.</summary>
    public static IReadOnlyList<DevnetNode> Load(string directory) =>
        JsonSerializer.Deserialize<List<DevnetNode>>(File.ReadAllText(Path.Combine(directory, ManifestFile)), NodeJson.Files)
        ?? throw new InvalidDataException($"{directory}/{ManifestFile} is empty.");

    /// <summary>
    /// Creates homes for <paramref name="validators"/> nodes under <paramref name="directory"/>: API on
    /// <paramref name="basePort"/> + 10·i + 7, peers on + 6, DNS on + 5. With four or more validators the genesis
    /// requires four stakeholder groups, so no group can halt or capture the chain. Every governance
    /// period (deliberation, voting, appeal, timelock, …) lasts <paramref name="governancePeriodSeconds"/>
    /// of block time, so a proposal's whole life fits in a demo. <paramref name="fullNodes"/> more nodes
    /// (numbered after the validators, without DNS) follow the chain without voting.
    /// </summary>
    public static IReadOnlyList<DevnetNode> Create(string directory, int validators, int basePort, ulong blockIntervalMs, DateTimeOffset genesisTime, ulong governancePeriodSeconds = DefaultGovernancePeriodSeconds, int fullNodes = 0, DevnetTopology topology = DevnetTopology.Mesh)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(validators, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(fullNodes);
        Directory.CreateDirectory(directory);
        var all = validators + fullNodes;
        var keys = Enumerable.Range(0, all).Select(_ => PrivateKey.Generate()).ToList();
        var nodeKeys = Enumerable.Range(0, all).Select(_ => PrivateKey.Generate()).ToList();
        var dnssecKeys = Enumerable.Range(0, validators).Select(_ => PrivateKey.Generate()).ToList();
        try
        {
            var nodes = Enumerable.Range(0, all).Select(i =>
            {
                var port = basePort + (10 * i);
                if (i >= validators)
                {
                    return new DevnetNode($"node-{i}", Path.GetFullPath(Path.Combine(directory, $"node-{i}")), "", $"full node {i - validators + 1}",
                        $"http://127.0.0.1:{port + 7}", $"127.0.0.1:{port + 6}", nodeKeys[i].PublicKey.Id.ToString(), Dns: null, IsValidator: false);
                }

                var (group, name, _) = Operators[i % Operators.Count];
                return new DevnetNode(
                    $"node-{i}",
                    Path.GetFullPath(Path.Combine(directory, $"node-{i}")),
                    group,
                    i < Operators.Count ? name : $"{name} {(i / Operators.Count) + 1}",
                    $"http://127.0.0.1:{port + 7}",
                    $"127.0.0.1:{port + 6}",
                    nodeKeys[i].PublicKey.Id.ToString(),
                    $"127.0.0.1:{port + 5}");
            }).ToList();

            var voting = nodes.Take(validators).ToList();
            var groups = voting.Select(n => n.StakeholderGroup).Distinct(StringComparer.Ordinal).Count();
            var founders = WriteFounderKeys(Path.Combine(directory, "keys"));
            var genesis = new GenesisDocument
            {
                ChainId = ChainId,
                GenesisTime = genesisTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                Parameters = new GenesisDocument.ParametersDocument(
                    GenesisDocument.DefaultGroups, GenesisDocument.DefaultRegions, AdmissionRule.Attestation, 2, 86_400, (uint)Math.Min(groups, 4), [GenesisDocument.LocalRelyingParty],
                    Disputes: GenesisDocument.DisputeRulesDocument.From(DisputeRules.Default.WithUniformPeriods(checked(governancePeriodSeconds * 1000)))),
                Validators = [.. voting.Select((n, i) => new GenesisDocument.ValidatorDocument(n.ValidatorName, keys[i].PublicKey.ToString(), n.StakeholderGroup, Operators[i % Operators.Count].Region))],
                Members = founders,
                Zones = [DevnetZone.Document(validators, [.. voting.Select((n, i) => new GenesisDocument.SigningKeyDocument(n.ValidatorName, Convert.ToHexStringLower(dnssecKeys[i].PublicKey.Point)))])],
                GovernancePeriodSeconds = governancePeriodSeconds,
            };

            for (var i = 0; i < all; i++)
            {
                var node = nodes[i];
                var config = new NodeConfig
                {
                    ApiUrl = node.ApiUrl,
                    P2pListen = node.P2p,
                    DnsListen = node.Dns,
                    PersistentPeers = [.. PeersOf(i, validators, nodes, topology).Select(n => $"{n.NodeId}@{n.P2p}")],
                    BlockIntervalMs = blockIntervalMs,
                };
                var home = new NodeHome(node.Home);
                home.Initialize(config, genesis, keys[i], nodeKeys[i]);
                if (i < validators)
                {
                    Directory.CreateDirectory(home.DnssecKeysDirectory);
                    KeyFiles.Write(Path.Combine(home.DnssecKeysDirectory, "forum.internal.pem"), dnssecKeys[i]);
                }
            }

            File.WriteAllText(Path.Combine(directory, ManifestFile), JsonSerializer.Serialize(nodes, NodeJson.Files));
            return nodes;
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
            nodeKeys.ForEach(k => k.Dispose());
            dnssecKeys.ForEach(k => k.Dispose());
        }
    }

    /// <summary>The peers node <paramref name="i"/> dials under <paramref name="topology"/>.</summary>
    private static IEnumerable<DevnetNode> PeersOf(int i, int validators, List<DevnetNode> nodes, DevnetTopology topology)
    {
        if (topology == DevnetTopology.Mesh)
        {
            return nodes.Where((_, j) => j != i);
        }

        if (i >= validators)
        {
            return [nodes[(i - validators) % validators]];
        }

        // Peers are mutual: a node accepts only the peers it lists itself, so a validator lists its full nodes too.
        var neighbours = new[] { (i + validators - 1) % validators, (i + 1) % validators }.Where(j => j != i).Distinct();
        var followers = Enumerable.Range(validators, nodes.Count - validators).Where(j => (j - validators) % validators == i);
        return neighbours.Concat(followers).Select(j => nodes[j]);
    }
}
