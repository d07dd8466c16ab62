using System.Net;

namespace Roundtable.Dns;

/// <summary>Where and how the DNS server listens. The defaults suit a node; tests bind loopback port 0.</summary>
public sealed record DnsServerOptions
{
    /// <summary>Address and port for both UDP and TCP; port 0 picks a free port (the same one for both).</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>TCP connections served at once; more are closed on accept.</summary>
    public int MaxTcpConnections { get; init; } = 64;

    /// <summary>A TCP connection with no complete query for this long is closed (RFC 7766 §6.2.3).</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest query accepted over TCP; a longer length prefix closes the connection (a query is one question and a few EDNS bytes).</summary>
    public int MaxTcpQueryBytes { get; init; } = 4096;

    /// <summary>Largest query read over UDP; longer datagrams are cut and so fail to parse (FORMERR).</summary>
    public int MaxUdpQueryBytes { get; init; } = 4096;

    /// <summary>
    /// UDP worker threads, each blocking on its own socket on the port (SO_REUSEPORT on Linux;
    /// elsewhere they share one socket). Dedicated threads, not the thread pool.
    /// </summary>
    public int UdpWorkers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Datagrams a UDP worker takes per receive call on Linux (<c>recvmmsg</c>, 1 to 1024): it
    /// takes what is waiting, up to this many, answers them and sends the responses with one
    /// <c>sendmmsg</c>. 1 receives and sends one datagram per call, as other platforms always do.
    /// </summary>
    public int UdpBatchSize { get; init; } = 64;

    /// <summary>Response-rate limiting over UDP; null turns it off.</summary>
    public RateLimitOptions? RateLimit { get; init; } = new();

    /// <summary>The clock of idle timeouts and rate limiting.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
