using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// One operator rolls its key while another keeps its own, and a real unbound never stops
/// validating: the new key is published first (its DS beside the old one), then signs, then the
/// old key goes. Each step is checked twice with names unbound has not seen: at once, while it
/// still holds the DNSKEY RRset of the step before, and again once its cache of the zone is
/// flushed, as when every TTL has run out, so that it fetches the new key set. One resolver asks
/// both operators, as the Internet's would; a second asks the rolling operator alone, because a
/// resolver that finds an answer bogus retries the other operator, which would hide a gap in the
/// rolling one's steps (signing with the new key before resolvers can hold it fails there).
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
        using var viaBoth = Unbound.Start([rolling.Server.EndPoint, steady.Server.EndPoint], anchors);
        using var viaRolling = Unbound.Start([rolling.Server.EndPoint], anchors);
        Unbound[] resolvers = [viaBoth, viaRolling];

        var steps = new (string Step, DnssecKey[] Published, DnssecSigningKey Signer)[]
        {
            ("before", [oldKey.PublicKey, steady.Key.PublicKey], oldKey),
            ("new key published", [oldKey.PublicKey, newKey.PublicKey, steady.Key.PublicKey], oldKey),
            ("new key signs", [oldKey.PublicKey, newKey.PublicKey, steady.Key.PublicKey], newKey),
            ("old key removed", [newKey.PublicKey, steady.Key.PublicKey], newKey),
        };
        var fresh = 0;
        foreach (var (step, published, signer) in steps)
        {
            if (signer != rolling.Key)
            {
                rolling.SignWith(signer);
            }

            rolling.Publish(published);
            steady.Publish(published);
            var cached = FreshNames(++fresh);
            var fetched = FreshNames(++fresh);
            foreach (var resolver in resolvers)
            {
                AssertValidates(resolver, step + ", key set of the step before still cached", cached);
                resolver.FlushZone(SignedZones.Origin);
                AssertValidates(resolver, step + ", key set fetched anew",
                    [.. fetched, ("www.forum.internal.", "A"), ("forum.internal.", "MX"), ("forum.internal.", "DNSKEY")]);
            }
        }
    }

    /// <summary>Names no earlier query asked for: a plain name, a wildcard expansion and a denial.</summary>
    private static (string Name, string Type)[] FreshNames(int i) =>
        [($"n{i}.forum.internal.", "A"), ($"x{i}.wild.forum.internal.", "TXT"), ($"nope{i}.forum.internal.", "A")];

    private static void AssertValidates(Unbound resolver, string step, (string Name, string Type)[] queries)
    {
        foreach (var (name, type) in queries)
        {
            var answer = resolver.Query(name, type);
            Assert.True(answer.Flags.Contains("ad"), $"{step}: {name} {type} did not validate: {answer.Status}\n{answer.Output}\n{resolver.Log}");
        }
    }
}
