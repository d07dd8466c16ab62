using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// One operator rolls its key while another keeps its own, and a real unbound that asks both never
/// stops validating: the new key is published first (its DS beside the old one), then signs, then
/// the old key goes. The DNSKEY TTL is one second and each step waits past it, so unbound always
/// works from the key set of the step it is in, as a resolver does once the TTL has run out.
/// </summary>
public sealed class RolloverValidationTests
{
    [Fact]
    public async Task Validation_never_fails_while_one_operator_publishes_switches_to_and_retires_a_key()
    {
        var oldKey = DnssecSigningKey.Generate();
        var newKey = DnssecSigningKey.Generate();
        await using var rolling = Operator.Start(oldKey);
        await using var steady = Operator.Start(DnssecSigningKey.Generate());
        string[] anchors = [.. new[] { oldKey, newKey, steady.Key }.Select(k => k.PublicKey.ToDsText(SignedZones.Origin))];
        using var resolver = Unbound.Start([rolling.Server.EndPoint, steady.Server.EndPoint], anchors);

        var steps = new (string Step, DnssecKey[] Published, DnssecSigningKey Signer)[]
        {
            ("before", [oldKey.PublicKey, steady.Key.PublicKey], oldKey),
            ("new key published", [oldKey.PublicKey, newKey.PublicKey, steady.Key.PublicKey], oldKey),
            ("new key signs", [oldKey.PublicKey, newKey.PublicKey, steady.Key.PublicKey], newKey),
            ("old key removed", [newKey.PublicKey, steady.Key.PublicKey], newKey),
        };
        foreach (var (step, published, signer) in steps)
        {
            if (signer != rolling.Key)
            {
                rolling.SignWith(signer);
            }

            rolling.Publish(published, dnskeyTtl: 1);
            steady.Publish(published, dnskeyTtl: 1);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            foreach (var (name, type) in new[] { ("www.forum.internal.", "A"), ("nope.forum.internal.", "A"), ("forum.internal.", "MX"), ("forum.internal.", "DNSKEY") })
            {
                var answer = resolver.Query(name, type);
                Assert.True(answer.Flags.Contains("ad"), $"{step}: {name} {type} did not validate: {answer.Status}\n{answer.Output}\n{resolver.Log}");
            }
        }
    }
}
