namespace Roundtable.Dns;

/// <summary>
/// Response-rate limiting over UDP against reflection attacks, as BIND and Knot RRL do: each
/// client prefix (/24 for IPv4, /56 for IPv6 by default) gets a token bucket of
/// <see cref="ResponsesPerSecond"/>; past it, every <see cref="Slip"/>-th response goes out
/// truncated (TC=1, so a real client retries over TCP, which is not limited) and the rest are dropped.
/// </summary>
public sealed record RateLimitOptions
{
    /// <summary>Responses per second each prefix may receive; also the bucket's burst size.</summary>
    public int ResponsesPerSecond { get; init; } = 20;

    /// <summary>Every Nth limited response is sent truncated instead of dropped; 0 drops them all, 1 truncates them all.</summary>
    public int Slip { get; init; } = 2;

    /// <summary>Prefix length that groups IPv4 clients.</summary>
    public int Ipv4PrefixLength { get; init; } = 24;

    /// <summary>Prefix length that groups IPv6 clients.</summary>
    public int Ipv6PrefixLength { get; init; } = 56;

    /// <summary>Prefixes tracked at once; when the table is full it starts over, which at worst lets a burst through.</summary>
    public int MaxTrackedPrefixes { get; init; } = 100_000;
}
