using Microsoft.Extensions.Logging;
using Roundtable.Application;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Network;
using Roundtable.Node.Runtime;
using Roundtable.Proofs.Bundles;
using Roundtable.Proofs.LightClient;
using Roundtable.Storage;

namespace Roundtable.Node.StateSync;

/// <summary>What a node that joined by snapshot starts from: the state after block <see cref="LightBlock.Header"/> of <paramref name="Base"/>.</summary>
/// <param name="App">The application loaded from the snapshot.</param>
/// <param name="Base">The verified light block at the snapshot height (its header and commit).</param>
public sealed record JoinedState(LedgerApplication App, LightBlock Base);

/// <summary>
/// Joins a chain by state snapshot instead of replaying it from genesis (docs/network.md, "State
/// sync"): asks the peers what snapshots they keep, and takes the newest that passes every check.
/// Header H + 1 commits to the state after block H, so the node verifies headers H and H + 1 as a
/// light client from genesis, or from a header the operator trusts (<see cref="Trust"/>; skipping:
/// a stable validator set costs a few signature checks whatever the chain's length), requires the offered root to be the one header H + 1 carries,
/// downloads the file in chunks, checks its checksum and structure, rebuilds the state and requires
/// the rebuilt root to be that root too. A snapshot that fails is refused with a logged reason and
/// the next offer (same snapshot from another peer, or an older one) is tried; when none is left
/// the node catches up block by block from genesis.
/// </summary>
public sealed class SnapshotJoin
{
    private const int ChunksInFlight = 8;
    private static readonly TimeSpan AskInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan OfferSettle = TimeSpan.FromSeconds(1);

    private readonly PeerNetwork _network;
    private readonly GenesisAnchor _genesis;
    private readonly SnapshotStore _snapshots;
    private readonly string _baseFile;
    private readonly ILogger _log;

    /// <summary>Prepares a join through <paramref name="network"/> into <paramref name="snapshots"/>, saving the base light block to <paramref name="baseFile"/>.</summary>
    public SnapshotJoin(PeerNetwork network, GenesisAnchor genesis, SnapshotStore snapshots, string baseFile, ILogger log)
    {
        _network = network;
        _genesis = genesis;
        _snapshots = snapshots;
        _baseFile = baseFile;
        _log = log;
    }

    /// <summary>A header the operator trusts: snapshot headers are verified from it instead of from genesis.</summary>
    public TrustedHeader? Trust { get; init; }

    /// <summary>How long to wait for a first snapshot offer before catching up by blocks instead.</summary>
    public TimeSpan OfferTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The joined state, or null when no peer offered a snapshot that verified.</summary>
    public async Task<JoinedState?> RunAsync(CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var requests = new PeerRequests(_network);
        var reading = requests.RunAsync(stop.Token);
        try
        {
            var offers = await DiscoverAsync(requests, cancellation).ConfigureAwait(false);
            foreach (var (peer, offer) in offers)
            {
                try
                {
                    var joined = await TryJoinAsync(requests, peer, offer, cancellation).ConfigureAwait(false);
                    _log.LogInformation("Joined by snapshot at height {Height} from peer {Peer}: {Keys} keys, state root {Root}", offer.Height, peer.ToShortString(), joined.App.KeyCount, joined.App.StateRoot.ToShortString());
                    return joined;
                }
                catch (SnapshotRefusedException e)
                {
                    _log.LogWarning("Refused the snapshot at height {Height} from peer {Peer}: {Reason}", offer.Height, peer.ToShortString(), e.Message);
                }
            }

            _log.LogWarning("State sync: no usable snapshot among {Count} offer(s); catching up block by block from genesis", offers.Count);
            return null;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Asks until offers arrive, then until every connected peer has offered or a moment has
    /// passed (a peer may keep no snapshot); newest snapshot first.
    /// </summary>
    private async Task<IReadOnlyList<(Hash256 Peer, SnapshotOfferMessage Offer)>> DiscoverAsync(PeerRequests requests, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + OfferTimeout;
        DateTime? settled = null;
        while (DateTime.UtcNow < (settled ?? deadline))
        {
            requests.AskForSnapshots();
            await Task.Delay(AskInterval, cancellation).ConfigureAwait(false);
            var offering = requests.Offers.Select(o => o.Peer).Distinct().Count();
            if (offering > 0 && offering >= _network.Peers.Count)
            {
                break;
            }

            settled ??= offering > 0 ? DateTime.UtcNow + OfferSettle : null;
        }

        return [.. requests.Offers.OrderByDescending(o => o.Offer.Height)];
    }

    private async Task<JoinedState> TryJoinAsync(PeerRequests requests, Hash256 peer, SnapshotOfferMessage offer, CancellationToken cancellation)
    {
        var (baseBlock, committedRoot) = await VerifyHeadersAsync(requests, peer, offer, cancellation).ConfigureAwait(false);
        if (offer.StateRoot != committedRoot)
        {
            throw new SnapshotRefusedException($"it offers state root {offer.StateRoot.ToShortString()}, but header {offer.Height + 1} commits to {committedRoot.ToShortString()}");
        }

        var download = _snapshots.PathOf(offer.Height) + ".tmp";
        try
        {
            var app = await DownloadAndRebuildAsync(requests, peer, offer, baseBlock.Header, download, cancellation).ConfigureAwait(false);
            var rebuiltRoot = app.StateRoot;
            if (rebuiltRoot != committedRoot)
            {
                throw new SnapshotRefusedException($"its entries rebuild state root {rebuiltRoot.ToShortString()}, not {committedRoot.ToShortString()} of header {offer.Height + 1}");
            }

            JoinedBase.Save(_baseFile, baseBlock);
            _snapshots.Adopt(download, offer.Height);
            return new JoinedState(app, baseBlock);
        }
        finally
        {
            File.Delete(download);
        }
    }

    /// <summary>
    /// Downloads the snapshot and, on a thread of its own, reads, checks and loads its entries as
    /// they arrive: the parsing and the hashing of the leaves overlap the transfer instead of
    /// following it. The application is returned only once the whole file verified (checksum
    /// included) and its state built, the last part on every core.
    /// </summary>
    private async Task<LedgerApplication> DownloadAndRebuildAsync(PeerRequests requests, Hash256 peer, SnapshotOfferMessage offer, BlockHeader baseHeader, string download, CancellationToken cancellation)
    {
        using var stopDownload = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var arriving = new ArrivingFile(download, offer.Size, SnapshotOfferMessage.ChunkSize);
        var downloading = new SnapshotDownload(requests, peer, offer).ToFileAsync(download, ChunksInFlight, arriving, stopDownload.Token);
        var rebuilding = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    return Rebuild(arriving, offer, baseHeader, peer);
                }
                catch
                {
                    // A file that fails a check is not worth the rest of its bytes.
                    stopDownload.Cancel();
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            await downloading.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // Only the rebuild stops the download on its own: its refusal is the reason to give.
            return await rebuilding.ConfigureAwait(false);
        }
        catch
        {
            // The reads stop with the download; the file is not deleted under them.
            await ((Task)rebuilding).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        _log.LogInformation("Downloaded the snapshot at height {Height}: {Bytes} bytes in {Chunks} chunks", offer.Height, offer.Size, offer.ChunkCount);

        // The file's fsync waits on the disk and the rest of the rebuild on the CPU: begun together,
        // the join waits for the longer of the two instead of both in turn.
        var flushed = Task.Run(() => SnapshotStore.FlushToDisk(download), CancellationToken.None);
        try
        {
            return await rebuilding.ConfigureAwait(false);
        }
        finally
        {
            await flushed.ConfigureAwait(false);
        }
    }

    private LedgerApplication Rebuild(ArrivingFile arriving, SnapshotOfferMessage offer, BlockHeader baseHeader, Hash256 peer)
    {
        try
        {
            using var region = BulkLoadRegion.ForSnapshot(offer.Size);
            using var reader = _snapshots.OpenForeign(arriving, offer.Size, offer.Height, $"snapshot {offer.Height} from peer {peer.ToShortString()}");
            if (reader.Info.StateRoot != offer.StateRoot)
            {
                throw new SnapshotRefusedException($"the file records state root {reader.Info.StateRoot.ToShortString()}, not the offered {offer.StateRoot.ToShortString()}");
            }

            // The index and the trie's subtrees are built on every core once the entries are in.
            var app = LedgerApplication.FromSnapshot(_genesis.ChainId, reader.ReadEntries(), baseHeader, Parallel.Invoke);
            _log.LogInformation("The snapshot file verifies and its state is built: {Entries} entries (collector held off: {HeldOff})", reader.Info.EntryCount, region.Started);
            return app;
        }
        catch (StoreCorruptedException e)
        {
            throw new SnapshotRefusedException("the file does not verify: " + e.Message);
        }
        catch (ArgumentException e)
        {
            throw new SnapshotRefusedException("its entries do not load: " + e.Message);
        }
        catch (AggregateException e) when (e.InnerException is ArgumentException inner)
        {
            throw new SnapshotRefusedException("its entries do not load: " + inner.Message);
        }
    }

    /// <summary>
    /// Headers H and H + 1 verified by a light client from genesis, or from the trusted header:
    /// the light block at H (its header loads the snapshot, its commit starts consensus) and the
    /// root header H + 1 commits to.
    /// </summary>
    private async Task<(LightBlock Base, Hash256 CommittedRoot)> VerifyHeadersAsync(PeerRequests requests, Hash256 peer, SnapshotOfferMessage offer, CancellationToken cancellation)
    {
        var source = new PeerLightSource(requests, peer, offer.Height + 1);
        var nowMs = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        try
        {
            var (start, from) = await TrustedStartAsync(source, offer, cancellation).ConfigureAwait(false);
            var client = new LightClient(_genesis.ChainId, start);
            if (offer.Height > start.Height)
            {
                await client.SyncAsync(source, witness: null, offer.Height, nowMs, cancellation).ConfigureAwait(false);
            }

            var next = await client.SyncAsync(source, witness: null, offer.Height + 1, nowMs, cancellation).ConfigureAwait(false);
            var atBase = source.Served(offer.Height) ?? throw new SnapshotRefusedException($"header {offer.Height} was not served");
            _log.LogInformation("Headers {Height} and {Next} verified from {From} with {Checks} commit check(s)", offer.Height, offer.Height + 1, from, next.HeadersVerified);
            return (atBase, next.Target.StateRoot);
        }
        catch (LightClientException e)
        {
            throw new SnapshotRefusedException("its headers do not verify: " + e.Message);
        }
    }

    /// <summary>
    /// Where the light client starts: genesis, or the trusted header as the offering peer serves
    /// it, taken only if its id is the trusted one (the sets it carries are checked against the
    /// header's hashes when it decodes, so the id vouches for them too).
    /// </summary>
    private async Task<(TrustedState Start, string From)> TrustedStartAsync(PeerLightSource source, SnapshotOfferMessage offer, CancellationToken cancellation)
    {
        if (Trust is not { } trust)
        {
            return (TrustedState.From(_genesis), "genesis");
        }

        if (offer.Height < trust.Height)
        {
            throw new SnapshotRefusedException($"it is older than the trusted header at height {trust.Height}");
        }

        var block = await source.GetAsync(trust.Height, cancellation).ConfigureAwait(false)
            ?? throw new SnapshotRefusedException($"the peer has no header at the trusted height {trust.Height}");
        if (block.Header.Id != trust.BlockId)
        {
            throw new SnapshotRefusedException($"its header {trust.Height} is {block.Header.Id.ToShortString()}, not the trusted {trust.BlockId.ToShortString()}");
        }

        return (TrustedState.From(new HeaderAnchor(block.Header, block.NextValidators)), $"the trusted header {trust.Height}");
    }
}

/// <summary>A snapshot that failed a check; the message says which.</summary>
public sealed class SnapshotRefusedException(string message) : Exception(message);
