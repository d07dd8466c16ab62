using Roundtable.Consensus;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Node.Consensus;

namespace Roundtable.Node.Tests.Consensus;

public sealed class ConsensusWalTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "roundtable-wal-" + Path.GetRandomFileName(), "consensus.wal");
    private readonly PrivateKey _key = PrivateKey.Generate();

    [Fact]
    public void Entries_survive_reopening_in_order()
    {
        using (var wal = ConsensusWal.Open(_path, out _))
        {
            wal.Append(Entry(5, 0, VoteType.Prevote));
            wal.Append(Entry(5, 0, VoteType.Precommit));
        }

        using var reopened = ConsensusWal.Open(_path, out var repair);

        Assert.Null(repair);
        Assert.Equal([VoteType.Prevote, VoteType.Precommit], reopened.Entries.Select(e => e.Vote!.Type));
    }

    [Fact]
    public void Torn_tail_is_cut_once_with_a_message_and_earlier_entries_are_kept()
    {
        using (var wal = ConsensusWal.Open(_path, out _))
        {
            wal.Append(Entry(5, 0, VoteType.Prevote));
            wal.Append(Entry(5, 1, VoteType.Prevote));
        }

        var length = new FileInfo(_path).Length;
        using (var file = new FileStream(_path, FileMode.Open))
        {
            file.SetLength(length - 10);
        }

        using (var repaired = ConsensusWal.Open(_path, out var repair))
        {
            Assert.NotNull(repair);
            Assert.Contains(_path, repair, StringComparison.Ordinal);
            Assert.Single(repaired.Entries);
        }

        using var again = ConsensusWal.Open(_path, out var second);
        Assert.Null(second);
        Assert.Single(again.Entries);
    }

    [Fact]
    public void Garbage_after_valid_entries_is_cut()
    {
        using (var wal = ConsensusWal.Open(_path, out _))
        {
            wal.Append(Entry(5, 0, VoteType.Prevote));
        }

        File.AppendAllText(_path, "not a record at all");
        using var reopened = ConsensusWal.Open(_path, out var repair);

        Assert.NotNull(repair);
        Assert.Single(reopened.Entries);
    }

    [Fact]
    public void First_entry_of_a_new_height_discards_the_committed_height()
    {
        using (var wal = ConsensusWal.Open(_path, out _))
        {
            wal.Append(Entry(5, 0, VoteType.Prevote));
            wal.Append(Entry(5, 0, VoteType.Precommit));
            wal.Append(Entry(6, 0, VoteType.Prevote));
        }

        using var reopened = ConsensusWal.Open(_path, out _);

        Assert.Equal([6UL], reopened.Entries.Select(e => e.Height));
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    private WalEntry Entry(ulong height, uint round, VoteType type) =>
        new(Vote.Sign("test-chain", type, height, round, Hash256.Zero, 1000, _key.PublicKey, p => _key.Sign(p)), null, null);
}
