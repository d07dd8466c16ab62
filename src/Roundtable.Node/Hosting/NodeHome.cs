using System.Text.Json;
using Roundtable.Core.Crypto;

namespace Roundtable.Node.Hosting;

/// <summary>
/// A node's home directory: <c>config/</c> (node.json, genesis.json, validator-key.pem) and
/// <c>data/</c> (blocks, snapshots). Everything a node needs to restart is here.
/// </summary>
public sealed class NodeHome
{
    /// <summary>Wraps an existing or future home directory.</summary>
    public NodeHome(string root)
    {
        Root = Path.GetFullPath(root);
    }

    /// <summary>The home directory.</summary>
    public string Root { get; }

    /// <summary>config/node.json.</summary>
    public string ConfigFile => Path.Combine(Root, "config", "node.json");

    /// <summary>config/genesis.json.</summary>
    public string GenesisFile => Path.Combine(Root, "config", "genesis.json");

    /// <summary>config/validator-key.pem.</summary>
    public string ValidatorKeyFile => Path.Combine(Root, "config", "validator-key.pem");

    /// <summary>data/blocks.</summary>
    public string BlocksDirectory => Path.Combine(Root, "data", "blocks");

    /// <summary>data/consensus.wal: what this validator signed at the current height.</summary>
    public string ConsensusWalFile => Path.Combine(Root, "data", "consensus.wal");

    /// <summary>data/snapshots.</summary>
    public string SnapshotsDirectory => Path.Combine(Root, "data", "snapshots");

    /// <summary>True when the home holds a configuration.</summary>
    public bool IsInitialized => File.Exists(ConfigFile) && File.Exists(GenesisFile);

    /// <summary>Creates the directories and writes config, genesis and validator key.</summary>
    public void Initialize(NodeConfig config, GenesisDocument genesis, PrivateKey validatorKey)
    {
        if (IsInitialized)
        {
            throw new InvalidOperationException($"{Root} is already initialised; use another --home or remove it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
        Directory.CreateDirectory(BlocksDirectory);
        Directory.CreateDirectory(SnapshotsDirectory);
        SaveConfig(config);
        genesis.Save(GenesisFile);
        KeyFiles.Write(ValidatorKeyFile, validatorKey);
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
}
