using Roundtable.Core.Hashing;
using Roundtable.Mempool;
using Roundtable.Node.StateSync;

namespace Roundtable.Node.Hosting;

/// <summary>Operator settings of one node (config/node.json). Nothing here affects consensus.</summary>
public sealed record NodeConfig
{
    /// <summary>Where the HTTP API listens.</summary>
    public string ApiUrl { get; init; } = "http://127.0.0.1:26657";

    /// <summary>Where the peer-to-peer port listens ("127.0.0.1:26656"), or null for a node without peers.</summary>
    public string? P2pListen { get; init; }

    /// <summary>Peers this node always dials, as "nodeid@host:port". Only they may connect when the list is not empty.</summary>
    public IReadOnlyList<string> PersistentPeers { get; init; } = [];

    /// <summary>
    /// Where the authoritative DNS server listens, UDP and TCP ("127.0.0.1:5353"), or null for a
    /// node that serves no DNS. Port 0 picks a free port (tests).
    /// </summary>
    public string? DnsListen { get; init; }

    /// <summary>
    /// TSIG secrets this operator shares with the secondaries of its zones (a zone's policy names
    /// the key; the secret never goes on chain): name, and the HMAC-SHA256 secret in base64.
    /// </summary>
    public IReadOnlyList<TsigSecret> TsigKeys { get; init; } = [];

    /// <summary>Pause between blocks, in milliseconds.</summary>
    public ulong BlockIntervalMs { get; init; } = 1000;

    /// <summary>Take a state snapshot every this many blocks.</summary>
    public ulong SnapshotInterval { get; init; } = 100;

    /// <summary>
    /// When the node has no state yet, join by downloading a peer's snapshot (verified against
    /// headers checked as a light client from genesis) instead of replaying every block; it falls
    /// back to block-by-block catch-up when no snapshot verifies. docs/network.md, "State sync".
    /// </summary>
    public bool StateSync { get; init; }

    /// <summary>
    /// With <see cref="StateSyncTrustHash"/>: the height of a header the operator trusts, from
    /// which state sync verifies instead of from genesis (a chain whose genesis is older than the
    /// light client's 14-day trusting period cannot be joined by snapshot without one). 0: genesis.
    /// </summary>
    public ulong StateSyncTrustHeight { get; init; }

    /// <summary>The block id (hex) of the header at <see cref="StateSyncTrustHeight"/>.</summary>
    public string? StateSyncTrustHash { get; init; }

    /// <summary>The header state sync trusts besides genesis, or null for none.</summary>
    /// <exception cref="InvalidDataException">Only one of the two settings is given, or the hash is not a block id.</exception>
    public TrustedHeader? StateSyncTrust()
    {
        if (StateSyncTrustHeight == 0 && StateSyncTrustHash is null)
        {
            return null;
        }

        if (StateSyncTrustHeight == 0 || !Hash256.TryParse(StateSyncTrustHash, out var id))
        {
            throw new InvalidDataException("node.json: stateSyncTrustHeight (1 or more) and stateSyncTrustHash (the 64 hex digits of that block's id) go together.");
        }

        return new TrustedHeader(StateSyncTrustHeight, id);
    }

    /// <summary>Most transactions a proposed block carries.</summary>
    public int MaxBlockTransactions { get; init; } = 5000;

    /// <summary>Most transaction bytes a proposed block carries.</summary>
    public long MaxBlockBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Largest HTTP request body accepted, in bytes.</summary>
    public int MaxRequestBodyBytes { get; init; } = 256 * 1024;

    /// <summary>Mempool bounds.</summary>
    public MempoolOptions Mempool { get; init; } = new();
}

/// <summary>A TSIG key as node.json holds it.</summary>
/// <param name="Name">The key's name, as the zone policy and the secondary's configuration write it.</param>
/// <param name="Secret">The HMAC-SHA256 secret, base64 (at least 16 bytes).</param>
public sealed record TsigSecret(string Name, string Secret);
