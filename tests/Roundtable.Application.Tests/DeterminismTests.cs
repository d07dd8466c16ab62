using Roundtable.Application.Execution;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Tests;

public sealed class DeterminismTests
{
    private const int Blocks = 60;

    private static List<Hash256> RootsAfterEachBlock(TestChain chain, LedgerApplication app)
    {
        var roots = new List<Hash256>();
        foreach (var (header, txs) in chain.Blocks)
        {
            roots.Add(app.ExecuteBlock(header, txs).StateRoot);
        }

        return roots;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(20240611)]
    public void Two_applications_from_the_same_genesis_fed_the_same_blocks_have_the_same_root_after_every_block(int seed)
    {
        var chain = RandomWorkload.Run(seed, Blocks);
        var first = LedgerApplication.FromGenesis(chain.Genesis);
        var second = LedgerApplication.FromGenesis(chain.Genesis);
        Assert.Equal(first.StateRoot, second.StateRoot);

        foreach (var (header, txs) in chain.Blocks)
        {
            var a = first.ExecuteBlock(header, txs);
            var b = second.ExecuteBlock(header, txs);
            Assert.Equal(a.StateRoot, b.StateRoot);
            Assert.Equal(a.Results, b.Results);
        }

        Assert.Equal(chain.App.StateRoot, first.StateRoot);
        Assert.Equal(chain.App.ExportOrdered().Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)),
            first.ExportOrdered().Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1234)]
    public void A_seeded_random_mix_of_valid_and_invalid_transactions_gives_the_same_roots_when_generated_and_replayed_again(int seed)
    {
        var original = RandomWorkload.Run(seed, Blocks);
        // Regenerated from the seed: the same decisions, but fresh (randomised) ECDSA signatures.
        var regenerated = RandomWorkload.Run(seed, Blocks);

        var codes = RandomWorkload.Codes(original);
        Assert.Equal(codes, RandomWorkload.Codes(regenerated));
        Assert.Equal(RootsAfterEachBlock(original, LedgerApplication.FromGenesis(original.Genesis)),
            RootsAfterEachBlock(regenerated, LedgerApplication.FromGenesis(regenerated.Genesis)));
        Assert.Equal(original.App.StateRoot, regenerated.App.StateRoot);

        // Not vacuous: the mix has successes and refusals of several kinds.
        Assert.True(codes.Count(c => c == TxCode.Ok) >= 20, $"only {codes.Count(c => c == TxCode.Ok)} successes");
        var refusals = codes.Where(c => c != TxCode.Ok).Distinct().ToList();
        Assert.True(refusals.Count >= 6, "refusal kinds: " + string.Join(", ", refusals));
    }

    [Fact]
    public void Different_seeds_lead_to_different_states()
    {
        Assert.NotEqual(RandomWorkload.Run(3, Blocks).App.StateRoot, RandomWorkload.Run(4, Blocks).App.StateRoot);
    }

    [Theory]
    [InlineData(5, 20)]
    [InlineData(99, 35)]
    public void A_state_restored_from_its_ordered_export_has_the_same_root_and_continues_identically(int seed, int snapshotAfter)
    {
        var chain = RandomWorkload.Run(seed, Blocks);
        var original = chain.Replay(snapshotAfter);

        var (lastHeader, _) = chain.Blocks[snapshotAfter - 1];
        var restored = LedgerApplication.FromSnapshot(chain.Genesis.ChainId, original.ExportOrdered(), lastHeader);

        Assert.Equal(original.StateRoot, restored.StateRoot);
        Assert.Equal(original.KeyCount, restored.KeyCount);
        Assert.Equal(original.Height, restored.Height);
        Assert.Equal(original.LastBlockTimeMs, restored.LastBlockTimeMs);
        Assert.Equal(original.LastBlockId, restored.LastBlockId);
        foreach (var (header, txs) in chain.Blocks.Skip(snapshotAfter))
        {
            var a = original.ExecuteBlock(header, txs);
            var b = restored.ExecuteBlock(header, txs);
            Assert.Equal(a.Results, b.Results);
            Assert.Equal(a.StateRoot, b.StateRoot);
        }

        Assert.Equal(chain.App.StateRoot, restored.StateRoot);
    }

    [Fact]
    public void Executing_an_empty_block_changes_no_state_entry()
    {
        var chain = new TestChain();
        chain.Register("member");
        var before = chain.App.ExportOrdered().Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)).ToList();

        chain.Execute();

        Assert.Equal(before, chain.App.ExportOrdered().Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)));
    }
}
