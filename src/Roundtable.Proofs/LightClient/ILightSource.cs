namespace Roundtable.Proofs.LightClient;

/// <summary>Where a light client gets blocks: a node's API, or anything else that can answer. Nothing it says is trusted.</summary>
public interface ILightSource
{
    /// <summary>A name for messages (e.g. the node's URL).</summary>
    string Name { get; }

    /// <summary>The newest height the source has committed.</summary>
    Task<ulong> LatestHeightAsync(CancellationToken cancellation);

    /// <summary>The light block at <paramref name="height"/>, or null when the source has none.</summary>
    Task<LightBlock?> GetAsync(ulong height, CancellationToken cancellation);
}
