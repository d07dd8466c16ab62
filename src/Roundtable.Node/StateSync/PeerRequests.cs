using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Network;
using Roundtable.Node.Peers;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Node.StateSync;

/// <summary>
/// Asks peers for snapshots, chunks and light blocks while a node joins, before it has a chain to
/// gossip about: it is then the only reader of the transport's inbound queue. Answers are matched
/// to what was asked; a peer whose message does not decode, or whose chunk has the wrong length,
/// is disconnected. Everything else peers send meanwhile (votes, blocks, status) is dropped: the
/// node catches up by blocks afterwards.
/// </summary>
internal sealed class PeerRequests(PeerNetwork network)
{
    private const int MaxOffersPerPeer = 16;
    private static readonly TimeSpan Ban = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private readonly List<(Hash256 Peer, SnapshotOfferMessage Offer)> _offers = [];
    private readonly Dictionary<(Hash256 Peer, byte Type, ulong Height, int Index), TaskCompletionSource<object>> _waiting = [];

    /// <summary>How long one answer may take before the peer counts as not answering.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The offers received so far, in arrival order.</summary>
    public IReadOnlyList<(Hash256 Peer, SnapshotOfferMessage Offer)> Offers
    {
        get
        {
            lock (_gate)
            {
                return [.. _offers];
            }
        }
    }

    /// <summary>Asks every connected peer for its snapshots.</summary>
    public void AskForSnapshots() => network.Broadcast(WireType.SnapshotsRequest, Canonical.ToBytes(new SnapshotsRequestMessage()));

    /// <summary>The light block at <paramref name="height"/> from <paramref name="peer"/>, or null when it has none.</summary>
    /// <exception cref="TimeoutException">The peer did not answer in time.</exception>
    public async Task<LightBlock?> LightBlockAsync(Hash256 peer, ulong height, CancellationToken cancellation)
    {
        var answer = await AskAsync(peer, WireType.LightBlockResponse, height, 0, WireType.LightBlockRequest, Canonical.ToBytes(new LightBlockRequestMessage(height)), cancellation).ConfigureAwait(false);
        return ((LightBlockResponseMessage)answer).Block;
    }

    /// <summary>Chunk <paramref name="index"/> of <paramref name="offer"/> from <paramref name="peer"/>.</summary>
    /// <exception cref="TimeoutException">The peer did not answer in time.</exception>
    public async Task<byte[]> ChunkAsync(Hash256 peer, SnapshotOfferMessage offer, int index, CancellationToken cancellation)
    {
        var answer = await AskAsync(peer, WireType.ChunkResponse, offer.Height, index, WireType.ChunkRequest, Canonical.ToBytes(new ChunkRequestMessage(offer.Height, index)), cancellation).ConfigureAwait(false);
        var bytes = ((ChunkResponseMessage)answer).Bytes;
        if (bytes.Length != offer.ChunkLength(index))
        {
            network.Disconnect(peer, $"sent chunk {index} of snapshot {offer.Height} with {bytes.Length} bytes, expected {offer.ChunkLength(index)}", Ban);
            throw new InvalidDataException($"peer {peer.ToShortString()} sent a chunk of the wrong length");
        }

        return bytes;
    }

    /// <summary>Reads the inbound queue until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        try
        {
            await foreach (var message in network.Inbound.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                try
                {
                    Accept(message.From, message.Type, WireCodec.Decode(message.Type, message.Payload.Span));
                }
                catch (DecodeException e)
                {
                    network.Disconnect(message.From, $"sent an undecodable message of type {message.Type}: {e.Message}", Ban);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
    }

    private void Accept(Hash256 from, byte type, object message)
    {
        var key = message switch
        {
            ChunkResponseMessage chunk => (from, type, chunk.Height, chunk.Index),
            LightBlockResponseMessage light => (from, type, light.Height, 0),
            _ => ((Hash256, byte, ulong, int)?)null,
        };
        lock (_gate)
        {
            if (message is SnapshotOfferMessage offer)
            {
                // Asked every 200 ms, a peer repeats itself; a flood of offers is bounded too.
                if (!_offers.Contains((from, offer)) && _offers.Count(o => o.Peer == from) < MaxOffersPerPeer)
                {
                    _offers.Add((from, offer));
                }
            }
            else if (key is { } k && _waiting.Remove(k, out var waiter))
            {
                waiter.TrySetResult(message);
            }
        }
    }

    private async Task<object> AskAsync(Hash256 peer, byte answerType, ulong height, int index, byte requestType, byte[] request, CancellationToken cancellation)
    {
        var key = (peer, answerType, height, index);
        var waiter = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting[key] = waiter;
        }

        try
        {
            if (!network.Send(peer, requestType, request))
            {
                throw new TimeoutException($"peer {peer.ToShortString()} is not connected or its queue is full");
            }

            return await waiter.Task.WaitAsync(Timeout, cancellation).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _waiting.Remove(key);
            }
        }
    }
}
