using Roundtable.Proofs.Building;
using Roundtable.Proofs.LightClient;

namespace Roundtable.Proofs.Tests.Support;

/// <summary>A <see cref="SignedChain"/> served to a light client, counting what it is asked.</summary>
internal sealed class ChainSource(SignedChain chain, string name = "primary") : ILightSource
{
    private readonly BundleAssembler _assembler = new(chain, chain.Genesis);

    public string Name => name;

    public List<ulong> Requested { get; } = [];

    public Task<ulong> LatestHeightAsync(CancellationToken cancellation) => Task.FromResult(chain.LastHeight);

    public Task<LightBlock?> GetAsync(ulong height, CancellationToken cancellation)
    {
        Requested.Add(height);
        return Task.FromResult(_assembler.LightBlock(height));
    }
}
