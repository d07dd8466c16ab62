using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>Malformed queries sent by a raw UDP socket get FORMERR or nothing, and the server keeps answering.</summary>
public sealed class MalformedPacketTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
    private DnsServer server = null!;

    public Task InitializeAsync()
    {
        server = DnsServer.Start(new AnswerEngine(TestZones.Set()), new DnsServerOptions { RateLimit = null });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public static TheoryData<string, string> FormErrPackets() => new()
    {
        // header (id 0xBEEF, RD, qd=1) then a name that points at itself
        { "compression loop", "BEEF01000001000000000000C00C00010001" },
        { "pointer forwards", "BEEF01000001000000000000C01000010001" },
        { "label of 64 bytes", "BEEF01000001000000000000" + "40" + new string('6', 128) + "0000010001" },
        { "two questions", "BEEF0100000200000000000003777777000001000103777777000001000" + "1" },
        { "question cut short", "BEEF01000001000000000000037777" },
        { "absurd additional count", "BEEF010000010000000003E80377777700000100010000" },
        { "an answer record in a query", "BEEF010000010001000000000377777700000100010000010001000000000000" },
        { "trailing garbage", "BEEF01000001000000000000037777770000010001FF" },
        { "two OPT records", "BEEF01000001000000000002037777770000010001" + "0000291000000000000000" + "0000291000000000000000" },
        { "OPT option overruns its RDATA", "BEEF01000001000000000001037777770000010001" + "00002910000000000000040001000A" },
        { "name over 255 bytes", "BEEF01000001000000000000" + string.Concat(Enumerable.Repeat("3F" + new string('6', 126), 5)) + "0000010001" },
    };

    [Theory]
    [MemberData(nameof(FormErrPackets))]
    public async Task A_malformed_query_gets_formerr_with_its_id_and_the_server_keeps_answering(string what, string hex)
    {
        var response = await Packets.ExchangeAsync(server.EndPoint, Convert.FromHexString(hex), Wait);
        Assert.True(response is not null, what);
        Assert.Equal(1, Packets.Rcode(response));
        Assert.Equal(0xBEEF, Packets.Id(response));
        Assert.Equal(0x80, response[2] & 0x80);
        await StillAnswers();
    }

    [Theory]
    [InlineData("truncated header", "BEEF0100")]
    [InlineData("a response (QR set)", "BEEF81000001000000000000037777770000010001")]
    [InlineData("empty datagram", "")]
    public async Task A_packet_that_must_not_be_answered_is_dropped(string what, string hex)
    {
        Assert.True(await Packets.ExchangeAsync(server.EndPoint, Convert.FromHexString(hex), TimeSpan.FromMilliseconds(300)) is null, what);
        await StillAnswers();
    }

    [Fact]
    public async Task The_id_and_rd_flag_are_copied_and_ra_is_never_set()
    {
        var response = await Packets.ExchangeAsync(server.EndPoint, Packets.Query("www.forum.internal.", RecordType.A, id: 0xABCD), Wait);
        Assert.NotNull(response);
        Assert.Equal(0xABCD, Packets.Id(response));
        Assert.Equal(0x85, response[2]);
        Assert.Equal(0x00, response[3]);
    }

    private async Task StillAnswers()
    {
        var response = await Packets.ExchangeAsync(server.EndPoint, Packets.Query("www.forum.internal.", RecordType.A), Wait);
        Assert.NotNull(response);
        Assert.Equal(0, Packets.Rcode(response));
    }
}
