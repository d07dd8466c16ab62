namespace Roundtable.Dns.Tests.Support;

/// <summary>One DNS operator of the co-governed zone: its own key and signer, and its own server on loopback. Owns the keys it is given.</summary>
internal sealed class Operator : IAsyncDisposable
{
    private readonly List<DnssecSigningKey> keys = [];

    private Operator(DnssecSigningKey key, DnsServer server)
    {
        Key = key;
        Server = server;
        keys.Add(key);
    }

    public DnssecSigningKey Key { get; private set; }

    public ZoneSigner Signer { get; private set; } = null!;

    public DnsServer Server { get; }

    public static Operator Start(DnssecSigningKey key) =>
        new(key, DnsServer.Start(new AnswerEngine(ZoneSet.Empty), new DnsServerOptions { RateLimit = null })) { Signer = new ZoneSigner([key]) };

    /// <summary>Builds the zone from the shared records and published key set, signed by this operator only, and serves it.</summary>
    public void Publish(IReadOnlyList<DnssecKey> published, uint dnskeyTtl = 3600) =>
        Server.Engine.Publish(new ZoneSet([SignedZones.Forum(published, Signer, dnskeyTtl: dnskeyTtl)]));

    /// <summary>From now on this operator signs with <paramref name="next"/>.</summary>
    public void SignWith(DnssecSigningKey next)
    {
        Key = next;
        keys.Add(next);
        Signer = new ZoneSigner([next]);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        keys.ForEach(k => k.Dispose());
    }
}
