using System.Runtime;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Tests.Runtime;

public sealed class BulkLoadRegionTests
{
    [Fact]
    public void A_large_snapshot_holds_the_collector_off_until_disposed_and_a_small_or_impossible_one_does_not()
    {
        using (var region = BulkLoadRegion.ForSnapshot(32L << 20))
        {
            Assert.True(region.Started);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        using var small = BulkLoadRegion.ForSnapshot(1L << 20);
        using var beyondTheMachine = BulkLoadRegion.ForSnapshot(1L << 50);
        Assert.False(small.Started);
        Assert.False(beyondTheMachine.Started);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
