using System.Net;
using Microsoft.Extensions.Logging;
using Roundtable.Dns;
using Roundtable.Ledger.Names;
using Roundtable.Node.Hosting;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.Dns;

/// <summary>A node's authoritative DNS: the answer engine, the UDP/TCP server and the feed that keeps it on committed state.</summary>
public sealed class DnsHost : IAsyncDisposable
{
    private readonly DnsServer _server;
    private readonly OperatorKeys _keys;

    private DnsHost(AnswerEngine engine, DnsServer server, ZoneFeed feed, OperatorKeys keys)
    {
        Engine = engine;
        _server = server;
        Feed = feed;
        _keys = keys;
    }

    /// <summary>The answer engine (its <see cref="AnswerEngine.Zones"/> is what is served now).</summary>
    public AnswerEngine Engine { get; }

    /// <summary>The feed publishing committed zones.</summary>
    public ZoneFeed Feed { get; }

    /// <summary>Key tags of the keys this node signs <paramref name="policy"/>'s zone with (empty: unsigned here).</summary>
    public IReadOnlyList<ushort> SigningKeyTags(ZonePolicy policy) => [.. _keys.ActiveFor(policy).Select(k => k.PublicKey.KeyTag)];

    /// <summary>Where the server listens (the real port when 0 was asked).</summary>
    public IPEndPoint EndPoint => _server.EndPoint;

    /// <summary>Binds the configured <see cref="NodeConfig.DnsListen"/> and starts serving <paramref name="chain"/>'s zones.</summary>
    /// <exception cref="InvalidDataException">The address, a TSIG secret or a DNSSEC key file is not usable; the message says which.</exception>
    public static DnsHost Start(ChainState chain, NodeConfig config, string dnssecKeysDirectory, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(logs);
        if (!IPEndPoint.TryParse(config.DnsListen ?? "", out var endPoint))
        {
            throw new InvalidDataException($"dnsListen '{config.DnsListen}' is not an address and port such as 127.0.0.1:5353.");
        }

        var tsigKeys = ZoneTransfers.Keys(config.TsigKeys);
        var keys = OperatorKeys.Load(dnssecKeysDirectory);
        var engine = new AnswerEngine(ZoneSet.Empty, new ZoneTransferOptions());
        var server = DnsServer.Start(engine, new DnsServerOptions { EndPoint = endPoint });
        return new DnsHost(engine, server, new ZoneFeed(chain, engine, tsigKeys, keys, logs.CreateLogger("Roundtable.Dns")), keys);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Feed.DisposeAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
        _keys.Dispose();
    }
}
