using System.Net;
using System.Net.Sockets;

namespace Roundtable.Dns;

/// <summary>
/// Token buckets per client prefix (see <see cref="RateLimitOptions"/>). Time comes from the
/// injected <see cref="TimeProvider"/>, so tests can step it. Thread-safe through one lock: the
/// work under it is a dictionary lookup and a few integer operations.
/// </summary>
internal sealed class ResponseRateLimiter
{
    private readonly RateLimitOptions options;
    private readonly TimeProvider time;
    private readonly Dictionary<UInt128, Bucket> buckets = [];
    private readonly Lock gate = new();

    public ResponseRateLimiter(RateLimitOptions options, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ResponsesPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Slip);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTrackedPrefixes, 1);
        this.options = options;
        this.time = time;
    }

    /// <summary>Decides for one response to <paramref name="client"/>.</summary>
    public RateDecision Check(SocketAddress client)
    {
        var key = Prefix(client);
        var now = time.GetTimestamp();
        lock (gate)
        {
            if (!buckets.TryGetValue(key, out var bucket))
            {
                if (buckets.Count >= options.MaxTrackedPrefixes)
                {
                    buckets.Clear();
                }

                bucket = new Bucket { Tokens = options.ResponsesPerSecond, Updated = now };
                buckets[key] = bucket;
            }

            // Whole tokens only: the remainder of the elapsed time stays on the clock for the next refill.
            var perToken = time.TimestampFrequency / options.ResponsesPerSecond;
            var earned = (now - bucket.Updated) / Math.Max(1, perToken);
            if (earned > 0)
            {
                bucket.Tokens = Math.Min(options.ResponsesPerSecond, bucket.Tokens + earned);
                bucket.Updated = bucket.Tokens == options.ResponsesPerSecond ? now : bucket.Updated + (earned * perToken);
            }

            if (bucket.Tokens > 0)
            {
                bucket.Tokens--;
                return RateDecision.Send;
            }

            bucket.Limited++;
            return options.Slip > 0 && bucket.Limited % options.Slip == 0 ? RateDecision.Slip : RateDecision.Drop;
        }
    }

    private UInt128 Prefix(SocketAddress client)
    {
        Span<byte> bytes = stackalloc byte[16];
        int prefixLength;
        if (client.Family == AddressFamily.InterNetwork)
        {
            // sockaddr_in: family (2), port (2), address (4).
            client.Buffer.Span.Slice(4, 4).CopyTo(bytes);
            prefixLength = options.Ipv4PrefixLength;
        }
        else if (client.Family == AddressFamily.InterNetworkV6)
        {
            // sockaddr_in6: family (2), port (2), flow info (4), address (16).
            client.Buffer.Span.Slice(8, 16).CopyTo(bytes);
            prefixLength = options.Ipv6PrefixLength;
            if (IsV4Mapped(bytes))
            {
                bytes[12..].CopyTo(bytes);
                bytes[4..].Clear();
                prefixLength = options.Ipv4PrefixLength;
            }
        }
        else
        {
            return UInt128.Zero;
        }

        var value = new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        var mask = prefixLength >= 128 ? UInt128.MaxValue : ~(UInt128.MaxValue >> prefixLength);

        // The family goes in the lowest bit, which no prefix of 127 bits or less keeps.
        return (value & mask) | (client.Family == AddressFamily.InterNetworkV6 && prefixLength == options.Ipv6PrefixLength ? UInt128.One : UInt128.Zero);
    }

    private static bool IsV4Mapped(ReadOnlySpan<byte> address) =>
        address[..10].IndexOfAnyExcept((byte)0) < 0 && address[10] == 0xFF && address[11] == 0xFF;

    private sealed class Bucket
    {
        public long Tokens;
        public long Updated;
        public long Limited;
    }
}
