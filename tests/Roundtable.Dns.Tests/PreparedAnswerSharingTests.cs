using Arsoft = ARSoft.Tools.Net.Dns;
using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// What keeps a large zone small: equal prepared answers are one instance, and a zone prepares
/// only the forms it serves. Sharing must never change an answer, so each name is still answered
/// with its own question and a correct negative answer.
/// </summary>
public sealed class PreparedAnswerSharingTests
{
    private static DnsZone ZoneOfManyNames(ZoneSigning? signing = null) => DnsZone.Create(
        "forum.internal.", SignedZones.Soa, SignedZones.NameServers,
        [.. Enumerable.Range(0, 50).Select(i => new ZoneRecord($"h{i:D2}", RecordType.A, 300, $"192.0.2.{i + 1}")),
         new ZoneRecord("ab.cd", RecordType.A, 300, "192.0.2.200"), new ZoneRecord("abcde", RecordType.A, 300, "192.0.2.201")],
        signing);

    [Fact]
    public void Names_of_one_length_share_one_NODATA_answer_and_a_different_length_gets_its_own()
    {
        var zone = ZoneOfManyNames();
        var noData = Enumerable.Range(0, 50).Select(i => zone.Find(DnsName.Parse($"h{i:D2}.forum.internal.").Wire)!.Prepared!.NoData).ToList();

        Assert.All(noData, n => Assert.Same(noData[0], n));
        Assert.NotSame(noData[0], zone.Find(DnsName.Parse("abcde.forum.internal.").Wire)!.Prepared!.NoData);
    }

    [Theory]
    [InlineData("h07.forum.internal.")]
    [InlineData("H41.Forum.Internal.")]
    [InlineData("ab.cd.forum.internal.")]
    [InlineData("abcde.forum.internal.")]
    public void A_shared_NODATA_answer_echoes_each_question_and_names_the_zone_SOA(string name)
    {
        var engine = new AnswerEngine(new ZoneSet([ZoneOfManyNames()]));
        var response = new byte[AnswerEngine.ResponseBufferSize];
        var length = engine.Answer(Packets.Query(name, RecordType.MX), response, overTcp: false);

        var message = Arsoft.DnsMessage.Parse(response.AsSpan(0, length).ToArray());
        Assert.Equal(Arsoft.ReturnCode.NoError, message.ReturnCode);
        Assert.Equal(name, message.Questions.Single().Name.ToString());
        Assert.Empty(message.AnswerRecords);
        var soa = Assert.IsType<Arsoft.SoaRecord>(Assert.Single(message.AuthorityRecords));
        Assert.Equal("forum.internal.", soa.Name.ToString().ToLowerInvariant());
    }

    [Fact]
    public void An_unsigned_zone_prepares_no_signed_answers_and_a_signed_one_does()
    {
        using var key = DnssecSigningKey.Generate();
        var name = DnsName.Parse("h01.forum.internal.").Wire;

        Assert.Null(ZoneOfManyNames().Find(name)!.PreparedSigned);
        var signed = ZoneOfManyNames(new ZoneSigning([key.PublicKey], new ZoneSigner([key]), SignedZones.CurrentWindow()));
        Assert.NotNull(signed.Find(name)!.PreparedSigned!.Find((ushort)RecordType.A));
    }
}
