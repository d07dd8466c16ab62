using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// One operator rolls its key while another keeps its own, and a real unbound that asks both never
/// stops validating: the new key is published first (its DS beside the old one), then signs, then
/// the old key goes. Each step is checked twice with names unbound has not seen: at once, while it
/// still holds the DNSKEY RRset of the step before, and again once that RRset's TTL (one second)
/// has run out and it has fetched the new one.
/// </summary>
public sealed class RolloverValidationTests
{
    private const uint DnskeyTtl = 1;

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
        var fresh = 0;
        foreach (var (step, published, signer) in steps)
        {
            if (signer != rolling.Key)
            {
                rolling.SignWith(signer);
            }

            rolling.Publish(published, DnskeyTtl);
            steady.Publish(published, DnskeyTtl);
            AssertValidates(resolver, step + ", key set of the step before still cached", FreshNames(++fresh));
            await Task.Delay(TimeSpan.FromSeconds(DnskeyTtl + 0.5));
            AssertValidates(resolver, step + ", key set fetched anew",
                [.. FreshNames(++fresh), ("www.forum.internal.", "A"), ("forum.internal.", "MX"), ("forum.internal.", "DNSKEY")]);
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
