using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Roundtable.Application.Parameters;
using Roundtable.Cli.Infrastructure;
using Roundtable.Core.Crypto;
using Roundtable.Node.Hosting;

namespace Roundtable.Cli.Init;

/// <summary><c>roundtable init</c>: creates a node home with a fresh validator key, a genesis and a node config.</summary>
internal static class InitCommand
{
    public static Command Create(CliApp app)
    {
        var home = HomeOption.Create();
        var chainId = new Option<string>("--chain-id") { Description = "Chain id (a-z, 0-9, '.', '_', '-')", DefaultValueFactory = _ => "roundtable-local" };
        var validatorName = new Option<string>("--validator-name") { Description = "Name of this node's validator", DefaultValueFactory = _ => "validator-1" };
        var group = new Option<string>("--group") { Description = "Stakeholder group of this node's validator", DefaultValueFactory = _ => "technical" };
        group.AcceptOnlyFromAmong([.. GenesisDocument.DefaultGroups.Select(g => g.Id)]);
        var region = new Option<string?>("--region") { Description = "Region of this node's operator, shown in the power checks (optional)" };
        region.AcceptOnlyFromAmong([.. GenesisDocument.DefaultRegions.Select(r => r.Id)]);
        var apiUrl = new Option<string>("--api-url") { Description = "Where the node's HTTP API listens", DefaultValueFactory = _ => Paths.DefaultNodeUrl };
        var blockInterval = new Option<ulong>("--block-interval-ms") { Description = "Pause between blocks, in milliseconds", DefaultValueFactory = _ => 1000 };
        var snapshotInterval = new Option<ulong>("--snapshot-interval") { Description = "Take a state snapshot every this many blocks", DefaultValueFactory = _ => 100 };
        var admission = new Option<string>("--admission") { Description = "How members' affiliation becomes verified", DefaultValueFactory = _ => "attestation" };
        admission.AcceptOnlyFromAmong("attestation", "open");
        var attestations = new Option<uint>("--attestations-required") { Description = "Attestations needed under attestation admission", DefaultValueFactory = _ => 2 };
        var recoveryDelay = new Option<ulong>("--recovery-delay-seconds") { Description = "Delay before a guardian-approved key recovery takes effect", DefaultValueFactory = _ => 86400 };
        var passkeySites = new Option<string[]>("--passkey-rp-id")
        {
            Description = "A site (WebAuthn relying-party id: the portal's host name, e.g. localhost) whose passkeys may sign; repeatable. None: no passkeys",
            AllowMultipleArgumentsPerToken = false,
        };
        var dnsListen = new Option<string?>("--dns-listen") { Description = "Where the node's authoritative DNS server listens, UDP and TCP (e.g. 127.0.0.1:5353); none by default" };
        var zone = new Option<string?>("--zone") { Description = "A co-governed DNS zone the chain starts with (e.g. community.internal.), its name server at the --dns-listen address" };
        var force = new Option<bool>("--force") { Description = "Replace an existing home (deletes its config and chain data)" };

        var command = new Command("init", "Create a node home: a fresh validator key, genesis.json and node.json")
        {
            home, chainId, validatorName, group, region, apiUrl, blockInterval, snapshotInterval, admission, attestations, recoveryDelay, passkeySites, dnsListen, zone, force,
        };

        app.SetAction(command, (context, parse) =>
        {
            var settings = new InitSettings(
                Paths.NodeHome(context.Host, parse.GetValue(home)),
                parse.GetValue(chainId)!,
                parse.GetValue(validatorName)!,
                parse.GetValue(group)!,
                parse.GetValue(region),
                parse.GetValue(apiUrl)!,
                parse.GetValue(blockInterval),
                parse.GetValue(snapshotInterval),
                parse.GetValue(admission) == "open" ? AdmissionRule.Open : AdmissionRule.Attestation,
                parse.GetValue(attestations),
                parse.GetValue(recoveryDelay),
                parse.GetValue(passkeySites) ?? [],
                parse.GetValue(dnsListen),
                parse.GetValue(zone),
                parse.GetValue(force));
            var created = Initialize(settings);
            Report(context, created);
            return CliApp.Ok;
        });
        return command;
    }

    private static Created Initialize(InitSettings s)
    {
        if (!Ledger.ChainId.IsValid(s.ChainId))
        {
            throw new CliException($"'{s.ChainId}' is not a valid chain id: use 1 to 64 of a-z, 0-9, '.', '_' and '-'.", "invalid-argument");
        }

        if (string.IsNullOrWhiteSpace(s.ValidatorName))
        {
            throw new CliException("--validator-name must not be empty.", "invalid-argument");
        }

        if (!Uri.TryCreate(s.ApiUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
        {
            throw new CliException($"--api-url '{s.ApiUrl}' must be an http(s) URL with a host and port, for example {Paths.DefaultNodeUrl}.", "invalid-argument");
        }

        if (s.BlockIntervalMs == 0 || s.SnapshotInterval == 0)
        {
            throw new CliException("--block-interval-ms and --snapshot-interval must be positive.", "invalid-argument");
        }

        var nameServerAddress = DnsAddress(s.DnsListen);
        using var key = PrivateKey.Generate();
        using var dnssecKey = PrivateKey.Generate();
        var genesis = new GenesisDocument
        {
            ChainId = s.ChainId,
            GenesisTime = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Parameters = new GenesisDocument.ParametersDocument(
                GenesisDocument.DefaultGroups, GenesisDocument.DefaultRegions, s.Admission, s.AttestationsRequired, s.RecoveryDelaySeconds,
                PasskeyRelyingParties: s.PasskeyRelyingParties.Count == 0 ? null : s.PasskeyRelyingParties),
            Validators = [new GenesisDocument.ValidatorDocument(s.ValidatorName, key.PublicKey.ToString(), s.Group, s.Region)],
            Zones = s.Zone is null ? [] : [StarterZone.Document(s.Zone.TrimEnd('.').ToLowerInvariant() + ".", 1, nameServerAddress, s.Admission != AdmissionRule.Open,
                [new GenesisDocument.SigningKeyDocument(s.ValidatorName, Convert.ToHexStringLower(dnssecKey.PublicKey.Point))])],
        };

        try
        {
            genesis.ToState();
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message, "invalid-argument", e);
        }

        // Everything is validated before anything on disk is touched (--force deletes).
        var home = new NodeHome(s.Home);
        PrepareDirectory(home, s.Force);
        var config = new NodeConfig { ApiUrl = s.ApiUrl, BlockIntervalMs = s.BlockIntervalMs, SnapshotInterval = s.SnapshotInterval, DnsListen = s.DnsListen };
        home.Initialize(config, genesis, key);
        if (s.Zone is not null)
        {
            Directory.CreateDirectory(home.DnssecKeysDirectory);
            KeyFiles.Write(Path.Combine(home.DnssecKeysDirectory, "zone-signing.pem"), dnssecKey);
        }
        return new Created(home, genesis, config, key.PublicKey);
    }

    /// <summary>The address of the zone's name server: where this node's DNS listens (loopback when it does not yet).</summary>
    private static string DnsAddress(string? dnsListen)
    {
        if (dnsListen is null)
        {
            return "127.0.0.1";
        }

        return System.Net.IPEndPoint.TryParse(dnsListen, out var endPoint) && !endPoint.Address.Equals(System.Net.IPAddress.Any) && !endPoint.Address.Equals(System.Net.IPAddress.IPv6Any)
            ? endPoint.Address.ToString()
            : throw new CliException($"--dns-listen '{dnsListen}' must be an address and port such as 127.0.0.1:5353 (a specific address: it is the zone's name server).", "invalid-argument");
    }

    private static void PrepareDirectory(NodeHome home, bool force)
    {
        var config = Path.GetDirectoryName(home.ConfigFile)!;
        var data = Path.GetDirectoryName(home.BlocksDirectory)!;
        var occupied = home.IsInitialized || File.Exists(home.ValidatorKeyFile) || HasFiles(data);
        if (!occupied)
        {
            return;
        }

        if (!force)
        {
            throw new CliException(
                $"{home.Root} already holds a node (config or chain data); use another --home, or --force to replace it and delete its chain data.",
                "already-exists");
        }

        foreach (var dir in new[] { config, data })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static bool HasFiles(string directory) =>
        Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Any();

    private static void Report(CommandContext context, Created c)
    {
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["home"] = c.Home.Root,
                ["chainId"] = c.Genesis.ChainId,
                ["genesisTime"] = c.Genesis.GenesisTime,
                ["apiUrl"] = c.Config.ApiUrl,
                ["dnsListen"] = c.Config.DnsListen,
                ["zones"] = new JsonArray([.. c.Genesis.Zones.Select(z => (JsonNode)JsonValue.Create(z.Origin))]),
                ["validator"] = new JsonObject
                {
                    ["name"] = c.Genesis.Validators[0].Name,
                    ["stakeholderGroup"] = c.Genesis.Validators[0].StakeholderGroup,
                    ["publicKey"] = c.ValidatorKey.ToString(),
                    ["address"] = c.ValidatorKey.Id.ToString(),
                },
                ["files"] = new JsonObject
                {
                    ["config"] = c.Home.ConfigFile,
                    ["genesis"] = c.Home.GenesisFile,
                    ["validatorKey"] = c.Home.ValidatorKeyFile,
                    ["blocks"] = c.Home.BlocksDirectory,
                    ["snapshots"] = c.Home.SnapshotsDirectory,
                },
            });
            return;
        }

        context.Line($"Initialised node home {c.Home.Root}");
        context.Write(Views.Properties(
            ("chain id", c.Genesis.ChainId),
            ("genesis time", c.Genesis.GenesisTime),
            ("validator", $"{c.Genesis.Validators[0].Name} ({c.Genesis.Validators[0].StakeholderGroup})"),
            ("validator address", c.ValidatorKey.Id.ToString()),
            ("API", c.Config.ApiUrl),
            ("DNS", c.Config.DnsListen is null ? "off" : $"{c.Config.DnsListen} ({string.Join(", ", c.Genesis.Zones.Select(z => z.Origin))})"),
            ("node config", c.Home.ConfigFile),
            ("genesis", c.Home.GenesisFile),
            ("validator key", c.Home.ValidatorKeyFile + " (keep it secret)"),
            ("chain data", Path.GetDirectoryName(c.Home.BlocksDirectory))));
        context.Line();
        context.Line($"Start it with: roundtable node start --home {c.Home.Root}");
    }

    private sealed record InitSettings(
        string Home, string ChainId, string ValidatorName, string Group, string? Region, string ApiUrl, ulong BlockIntervalMs, ulong SnapshotInterval,
        AdmissionRule Admission, uint AttestationsRequired, ulong RecoveryDelaySeconds, IReadOnlyList<string> PasskeyRelyingParties, string? DnsListen, string? Zone, bool Force);

    private sealed record Created(NodeHome Home, GenesisDocument Genesis, NodeConfig Config, PublicKey ValidatorKey);
}
