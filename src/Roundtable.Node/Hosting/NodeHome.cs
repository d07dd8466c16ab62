using System.Globalization;
using System.Text.Json;
using Roundtable.Core.Crypto;

namespace Roundtable.Node.Hosting;

/// <summary>
/// A node's home directory: <c>config/</c> (node.json, genesis.json, validator-key.pem) and
/// <c>data/</c> (blocks, snapshots). Everything a node needs to restart is here.
/// </summary>
public sealed class NodeHome
{
    /// <summary>
    /// The ledger format this release reads and writes: 2 since personal values moved beside the
    /// chain (docs/personal-data.md §6). Blocks of format 1 carried them in plain text.
    /// </summary>
    public const int CurrentLedgerFormat = 2;

    private static readonly string CurrentLedgerFormatText = CurrentLedgerFormat.ToString(CultureInfo.InvariantCulture);

    /// <summary>Wraps an existing or future home directory.</summary>
    public NodeHome(string root)
    {
        Root = Path.GetFullPath(root);
    }

    /// <summary>The home directory.</summary>
    public string Root { get; }

    /// <summary>config/node.json.</summary>
    public string ConfigFile => Path.Combine(Root, "config", "node.json");

    /// <summary>config/languages: portal language files the operator adds (docs/portal.md, "Languages").</summary>
    public string PortalLanguagesDirectory => Path.Combine(Root, "config", "languages");

    /// <summary>config/genesis.json.</summary>
    public string GenesisFile => Path.Combine(Root, "config", "genesis.json");

    /// <summary>config/validator-key.pem.</summary>
    public string ValidatorKeyFile => Path.Combine(Root, "config", "validator-key.pem");

    /// <summary>config/node-key.pem: the key that authenticates this node to its peers (its id is the key's hash).</summary>
    public string NodeKeyFile => Path.Combine(Root, "config", "node-key.pem");

    /// <summary>
    /// This operator's DNSSEC signing keys (P-256, one PEM file each): the node signs its zones
    /// with those whose public key a zone publishes as active. Kept apart from the validator key.
    /// </summary>
    public string DnssecKeysDirectory => Path.Combine(Root, "config", "dnssec");

    /// <summary>data/blocks.</summary>
    public string BlocksDirectory => Path.Combine(Root, "data", "blocks");

    /// <summary>data/consensus.wal: what this validator signed at the current height.</summary>
    public string ConsensusWalFile => Path.Combine(Root, "data", "consensus.wal");

    /// <summary>data/joined-base.bin: the verified light block at the height this node joined at by snapshot (absent otherwise).</summary>
    public string JoinedBaseFile => Path.Combine(Root, "data", "joined-base.bin");

    /// <summary>data/personal-data: the erasable store of personal values beside the chain (docs/personal-data.md).</summary>
    public string PersonalDataDirectory => Path.Combine(Root, "data", "personal-data");

    /// <summary>data/ledger-format: the ledger format the chain data under data/ was written in.</summary>
    public string LedgerFormatFile => Path.Combine(Root, "data", "ledger-format");

    /// <summary>data/snapshots.</summary>
    public string SnapshotsDirectory => Path.Combine(Root, "data", "snapshots");

    /// <summary>True when the home holds a configuration.</summary>
    public bool IsInitialized => File.Exists(ConfigFile) && File.Exists(GenesisFile);

    /// <summary>Creates the directories and writes config, genesis, validator key and a node key (a fresh one unless given).</summary>
    public void Initialize(NodeConfig config, GenesisDocument genesis, PrivateKey validatorKey, PrivateKey? nodeKey = null)
    {
        if (IsInitialized)
        {
            throw new InvalidOperationException($"{Root} is already initialised; use another --home or remove it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
        Directory.CreateDirectory(BlocksDirectory);
        Directory.CreateDirectory(SnapshotsDirectory);
        SaveConfig(config);
        WriteLedgerFormat();
        genesis.Save(GenesisFile);
        KeyFiles.Write(ValidatorKeyFile, validatorKey);
        using var fresh = nodeKey is null ? PrivateKey.Generate() : null;
        KeyFiles.Write(NodeKeyFile, nodeKey ?? fresh!);
    }

    /// <summary>The node key, created on first use for homes made before node keys existed.</summary>
    public PrivateKey LoadOrCreateNodeKey()
    {
        if (!File.Exists(NodeKeyFile))
        {
            using var created = PrivateKey.Generate();
            KeyFiles.Write(NodeKeyFile, created);
        }

        return KeyFiles.Read(NodeKeyFile);
    }

    /// <summary>
    /// Refuses chain data written in another ledger format, which this release cannot replay; a home
    /// whose data predates the marker holds format 1 if it holds any block or snapshot.
    /// </summary>
    /// <exception cref="InvalidDataException">The home holds a chain of another format; the message says what to do.</exception>
    public void EnsureCurrentLedgerFormat()
    {
        if (File.Exists(LedgerFormatFile))
        {
            var stored = File.ReadAllText(LedgerFormatFile).Trim();
            if (stored != CurrentLedgerFormatText)
            {
                throw new InvalidDataException($"{Root} holds a chain in ledger format '{stored}', and this release reads format {CurrentLedgerFormatText} only. Run the release that wrote it, or start a new network in a fresh directory.");
            }

            return;
        }

        if (HoldsAny(BlocksDirectory) || HoldsAny(SnapshotsDirectory))
        {
            throw new InvalidDataException($"{Root} holds a chain written before personal values moved off the ledger (format 1: profile values and declared genders in plain text on chain), which this release cannot replay. Start a new network in a fresh directory (docs/personal-data.md §6).");
        }

        WriteLedgerFormat();
    }

    /// <summary>Reads config/node.json.</summary>
    /// <exception cref="InvalidDataException">The file is not valid.</exception>
    public NodeConfig LoadConfig()
    {
        try
        {
            return JsonSerializer.Deserialize<NodeConfig>(File.ReadAllText(ConfigFile), NodeJson.Files)
                ?? throw new InvalidDataException($"{ConfigFile} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{ConfigFile} is not valid: {e.Message}", e);
        }
    }

    /// <summary>Writes config/node.json.</summary>
    public void SaveConfig(NodeConfig config) =>
        File.WriteAllText(ConfigFile, JsonSerializer.Serialize(config, NodeJson.Files));

    private static bool HoldsAny(string directory) =>
        Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any();

    private void WriteLedgerFormat()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LedgerFormatFile)!);
        File.WriteAllText(LedgerFormatFile, CurrentLedgerFormatText + "\n");
    }
}
