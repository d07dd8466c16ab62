using Roundtable.Core.Hashing;
using Roundtable.Ledger.Tests.Support;

namespace Roundtable.Ledger.Tests;

public sealed class BlockHeaderTests
{
    [Fact]
    public void The_id_is_SHA_256_of_the_header_encoding()
    {
        var samples = new LedgerSamples(8, sign: false);
        var block = samples.Block(3, 2, samples.ValidatorSet(4));

        Assert.Equal(Hash256.Compute(block.Header.ToBytes()), block.Id);
        Assert.Equal(block.Header.Id, block.Id);
    }

    [Fact]
    public void A_header_copied_with_a_change_has_its_own_id()
    {
        var samples = new LedgerSamples(9, sign: false);
        var header = samples.Block(1, 0, samples.ValidatorSet(4)).Header;
        var id = header.Id;

        var changed = header with { TimeMs = header.TimeMs + 1 };

        Assert.NotEqual(id, changed.Id);
        Assert.Equal(Hash256.Compute(changed.ToBytes()), changed.Id);
        Assert.Equal(id, header.Id);
    }
}
