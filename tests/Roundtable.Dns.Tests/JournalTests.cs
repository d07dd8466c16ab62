using System.Net;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>The IXFR journal's bounds and continuity, asked straight of the engine.</summary>
public sealed class JournalTests
{
    private static readonly ZoneTransferPolicy OpenToLoopback = new([IPNetwork.Parse("127.0.0.0/8")], [], []);

    [Fact]
    public void The_journal_keeps_only_the_newest_entries_its_count_allows()
    {
        var engine = Publish(new ZoneTransferOptions { JournalEntriesPerZone = 2 }, 42, 43, 44, 45);
        Assert.Equal(TransferStyle.Full, Ixfr(engine, 42).Style);
        Assert.Equal(TransferStyle.Incremental, Ixfr(engine, 43).Style);
        Assert.Equal(TransferStyle.Incremental, Ixfr(engine, 44).Style);
        Assert.Equal(TransferStyle.SoaOnly, Ixfr(engine, 45).Style);
    }

    [Fact]
    public void The_journal_drops_differences_beyond_its_byte_bound()
    {
        // One difference (an A record of 34 bytes removed and one added) fits 100 bytes; two do not.
        var engine = Publish(new ZoneTransferOptions { JournalBytesPerZone = 100 }, 42, 43, 44);
        Assert.Equal(TransferStyle.Full, Ixfr(engine, 42).Style);
        Assert.Equal(TransferStyle.Incremental, Ixfr(engine, 43).Style);
    }

    [Fact]
    public void A_serial_going_back_clears_the_history()
    {
        // 10 after 43 is not newer (RFC 1982), so the journal starts over from there.
        var engine = Publish(new ZoneTransferOptions(), 42, 43, 10, 50);
        Assert.Equal(TransferStyle.Full, Ixfr(engine, 42).Style);
        Assert.Equal(TransferStyle.Incremental, Ixfr(engine, 10).Style);
    }

    [Fact]
    public void An_incremental_answer_is_one_message_of_old_soa_removals_new_soa_additions_between_current_soas()
    {
        var engine = Publish(new ZoneTransferOptions(), 42, 43);
        var served = Ixfr(engine, 42);
        // Current SOA, old SOA, the old www A, new SOA, the new www A, current SOA.
        Assert.Equal((TransferStyle.Incremental, 1, 6), (served.Style, served.Messages, served.Records));
    }

    private static AnswerEngine Publish(ZoneTransferOptions options, params uint[] serials)
    {
        var engine = new AnswerEngine(Version(serials[0]), options);
        foreach (var serial in serials.Skip(1))
        {
            engine.Publish(Version(serial));
        }

        return engine;
    }

    /// <summary>Every version has its own www address, so each difference is one A record out and one in.</summary>
    private static ZoneSet Version(uint serial) =>
        TestZones.TransferSet(serial, $"192.0.2.{serial % 200}", OpenToLoopback);

    private static ZoneTransferServed Ixfr(AnswerEngine engine, uint serial)
    {
        ZoneTransferServed? served = null;
        engine.TransferServed += s => served = s;
        var response = new byte[AnswerEngine.ResponseBufferSize];
        foreach (var length in engine.Transfer(Packets.Ixfr("forum.internal.", serial), IPAddress.Loopback, overTcp: true, response))
        {
            Assert.Equal(0, Packets.Rcode(response[..length]));
        }

        return served!;
    }
}
