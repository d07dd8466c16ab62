using System.Collections.Concurrent;
using Roundtable.Core.Hashing;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Node.StateSync;

/// <summary>
/// One peer as a light-client source: light blocks over the peer protocol. Nothing it answers is
/// trusted; it remembers what it served so that the caller can keep the very block the light
/// client verified (its commit included) rather than ask again.
/// </summary>
internal sealed class PeerLightSource(PeerRequests requests, Hash256 peer, ulong latestHeight) : ILightSource
{
    private readonly ConcurrentDictionary<ulong, LightBlock> _served = new();

    public string Name => "peer " + peer.ToShortString();

    /// <summary>The height the joining node targets: the light client is always given it, so the peer is not asked.</summary>
    public Task<ulong> LatestHeightAsync(CancellationToken cancellation) => Task.FromResult(latestHeight);

    public async Task<LightBlock?> GetAsync(ulong height, CancellationToken cancellation)
    {
        LightBlock? block;
        try
        {
            block = await requests.LightBlockAsync(peer, height, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new LightClientException($"{Name} did not serve the light block at height {height}: {e.Message}");
        }

        if (block is not null)
        {
            _served[height] = block;
        }

        return block;
    }

    /// <summary>The light block last served for <paramref name="height"/>, or null.</summary>
    public LightBlock? Served(ulong height) => _served.GetValueOrDefault(height);
}
