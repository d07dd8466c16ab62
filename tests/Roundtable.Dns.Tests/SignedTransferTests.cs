using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// What a secondary receives of a signed zone is a valid signed zone: ldns-verify-zone accepts the
/// AXFR copy of one operator's zone beside another operator's key, and again after that operator
/// rolls to a new key (published first, then signing).
/// </summary>
public sealed class SignedTransferTests
{
    [Fact]
    public async Task An_axfr_copy_of_a_multi_signer_zone_verifies_with_ldns_before_and_after_one_operators_rollover()
    {
        using var first = DnssecSigningKey.Generate();
        using var next = DnssecSigningKey.Generate();
        using var other = DnssecSigningKey.Generate();
        var engine = new AnswerEngine(ZoneSet.Empty, new ZoneTransferOptions());
        await using var server = DnsServer.Start(engine, new DnsServerOptions { RateLimit = null });

        foreach (var (published, signingKey) in new (DnssecKey[] Published, DnssecSigningKey Signer)[] { ([first.PublicKey, other.PublicKey], first), ([first.PublicKey, next.PublicKey, other.PublicKey], next) })
        {
            var zone = SignedZones.Forum(published, new ZoneSigner([signingKey])).WithTransferPolicy(TestZones.LoopbackPolicy());
            engine.Publish(new ZoneSet([zone], 1));

            var copy = ZoneCopy.Transfer(server.EndPoint, SignedZones.Origin, TestZones.TransferKey.Name.ToString(), TestZones.TransferSecret);
            var (exitCode, output) = ZoneCopy.Verify(copy);

            Assert.True(exitCode == 0, $"ldns-verify-zone refused the AXFR copy signed by key {signingKey.PublicKey.KeyTag}:\n{output}");
            Assert.Contains(copy, l => l.Contains("\tRRSIG\tSOA 13 ", StringComparison.Ordinal) && l.Contains($" {signingKey.PublicKey.KeyTag} forum.internal. ", StringComparison.Ordinal));
            Assert.Equal(published.Length, copy.Count(l => l.Contains("\tDNSKEY\t", StringComparison.Ordinal)));
        }
    }
}
