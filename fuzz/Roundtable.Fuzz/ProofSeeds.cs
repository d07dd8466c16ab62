using Roundtable.Proofs.Building;
using Roundtable.Proofs.Tests.Support;

namespace Roundtable.Fuzz;

/// <summary>Seed bundles and light blocks from the proof tests' signed chain, with validator-set changes.</summary>
internal static class ProofSeeds
{
    public static IEnumerable<byte[]> Bundles(int seed)
    {
        var chain = Chains.WithThreeSetChanges();
        yield return Chains.Bundle(chain).ToBytes();
        yield return Chains.Bundle(chain, trustHeight: 5).ToBytes();
        yield return new BundleAssembler(chain, chain.Genesis).Assemble([chain.ProveTransaction(5, seed % 5)], null).ToBytes();
    }

    public static IEnumerable<byte[]> LightBlocks(int seed)
    {
        var chain = Chains.WithThreeSetChanges();
        var assembler = new BundleAssembler(chain, chain.Genesis);
        foreach (var height in new ulong[] { 1, 3, 7, 8, 1 + ((ulong)seed % chain.LastHeight) })
        {
            yield return assembler.LightBlock(height)!.ToBytes();
        }
    }
}
