using Roundtable.Dns.Tests.Support;

namespace Roundtable.Dns.Tests;

/// <summary>
/// A real validating resolver (unbound) trusts forum.internal. through the DS of each operator's
/// key and checks every answer our servers give: positive, NXDOMAIN, NODATA, wildcard, CNAME,
/// DNSKEY, DS and the big answer that goes over TCP all come back with AD. Two operators signing
/// with their own keys are interchangeable, even mixed query by query.
/// </summary>
public sealed class ValidationTests : IClassFixture<ValidationTests.TwoOperators>
{
    private readonly TwoOperators operators;

    public ValidationTests(TwoOperators operators) => this.operators = operators;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "www.forum.internal.", "A", "NOERROR" },
        { "www.forum.internal.", "AAAA", "NOERROR" },
        { "forum.internal.", "MX", "NOERROR" },
        { "forum.internal.", "SOA", "NOERROR" },
        { "forum.internal.", "NS", "NOERROR" },
        { "forum.internal.", "DNSKEY", "NOERROR" },
        { "nope.forum.internal.", "A", "NXDOMAIN" },
        { "a.b.nope.forum.internal.", "TXT", "NXDOMAIN" },
        { "zzz.forum.internal.", "A", "NXDOMAIN" },
        { "www.forum.internal.", "MX", "NOERROR" },
        { "ent.here.forum.internal.", "A", "NOERROR" },
        { "host.wild.forum.internal.", "A", "NOERROR" },
        { "a.b.wild.forum.internal.", "TXT", "NOERROR" },
        { "other.wild.forum.internal.", "MX", "NOERROR" },
        { "chain.forum.internal.", "A", "NOERROR" },
        { "x.cn.forum.internal.", "AAAA", "NOERROR" },
        { "dangling.forum.internal.", "A", "NXDOMAIN" },
        { "sub.forum.internal.", "DS", "NOERROR" },
        { "unsigned.forum.internal.", "DS", "NOERROR" },
        { "big.forum.internal.", "TXT", "NOERROR" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unbound_validates_every_kind_of_answer_from_either_operator(string name, string type, string status)
    {
        var r = operators.Resolver.Query(name, type);
        Assert.True(r.Flags.Contains("ad") && r.Status == status, $"{name} {type}: {r.Status} {string.Join(' ', r.Flags)}\n{r.Output}\n{operators.Resolver.Log}");
    }

    [Fact]
    public void A_wildcard_answer_keeps_the_asked_name_and_validates()
    {
        var r = operators.Resolver.Query("Some.Wild.forum.internal.", "A");
        Assert.Contains("ad", r.Flags);
        Assert.Equal("192.0.2.77", Assert.Single(r.Answer, a => a.Type == "A").Data);
    }

    [Fact]
    public async Task Answers_mixed_query_by_query_from_both_operators_validate()
    {
        // The proxy sends each query to the other operator: DNSKEY from one, data and proofs from the other.
        var (first, second) = (operators.First.Server.EndPoint, operators.Second.Server.EndPoint);
        await using var proxy = new TamperingProxy(first, second);
        using var resolver = Unbound.Start([proxy.EndPoint], operators.TrustAnchors);
        foreach (var (name, type, status) in Cases.Select(c => ((string)c[0], (string)c[1], (string)c[2])))
        {
            var r = resolver.Query(name, type);
            Assert.True(r.Flags.Contains("ad") && r.Status == status, $"{name} {type}: {r.Status}\n{r.Output}\n{resolver.Log}");
        }

        Assert.All(proxy.Forwarded, count => Assert.True(count > 3, string.Join(",", proxy.Forwarded)));
    }

    [Fact]
    public async Task An_address_changed_in_transit_fails_validation()
    {
        await using var proxy = new TamperingProxy(operators.First.Server.EndPoint) { Alter = m => TamperingProxy.Replace(m, [192, 0, 2, 10], [192, 0, 2, 66]) };
        using var resolver = Unbound.Start([proxy.EndPoint], operators.TrustAnchors);
        var untouched = resolver.Query("mail.forum.internal.", "A");
        Assert.True(untouched.Flags.Contains("ad"), untouched.Output);

        var r = resolver.Query("www.forum.internal.", "A");
        Assert.Equal("SERVFAIL", r.Status);
        Assert.Empty(r.Answer);
        Assert.Contains("validation failure <www.forum.internal. A IN>", resolver.Log, StringComparison.Ordinal);
    }

    /// <summary>Operators A and B, each signing with its own key, both serving the same zone with both keys published; one unbound that trusts both.</summary>
    public sealed class TwoOperators : IDisposable
    {
        public TwoOperators()
        {
            First = Operator.Start(DnssecSigningKey.Generate());
            Second = Operator.Start(DnssecSigningKey.Generate());
            DnssecKey[] published = [First.Key.PublicKey, Second.Key.PublicKey];
            First.Publish(published);
            Second.Publish(published);
            TrustAnchors = [.. published.Select(k => k.ToDsText(SignedZones.Origin))];
            Resolver = Unbound.Start([First.Server.EndPoint, Second.Server.EndPoint], TrustAnchors);
        }

        internal Operator First { get; }

        internal Operator Second { get; }

        public string[] TrustAnchors { get; }

        internal Unbound Resolver { get; }

        public void Dispose()
        {
            Resolver.Dispose();
            First.DisposeAsync().AsTask().Wait();
            Second.DisposeAsync().AsTask().Wait();
        }
    }
}
