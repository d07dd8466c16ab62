namespace Roundtable.Dns;

/// <summary>
/// Signs the responses to one TSIG-signed request, in order: the first message's MAC covers the
/// request's MAC and all TSIG variables, each later one the previous MAC and the timers (RFC 8945
/// §5.3.1). Every message is signed, which the RFC allows (it requires at least every 100th).
/// </summary>
internal sealed class TsigSession
{
    private readonly TsigKey key;
    private readonly TimeProvider time;
    private byte[] prior;
    private bool signedOnce;

    public TsigSession(TsigKey key, byte[] requestMac, TimeProvider time)
    {
        this.key = key;
        this.time = time;
        prior = requestMac;
    }

    /// <summary>Signs the message ending at <paramref name="end"/> at the current time; returns its new end.</summary>
    public int Sign(Span<byte> buffer, int end) => Sign(buffer, end, Now(time), TsigError.None, []);

    /// <summary>Signs with an explicit time and error (a BADTIME answer keeps the request's time and tells ours in <paramref name="other"/>).</summary>
    public int Sign(Span<byte> buffer, int end, long timeSigned, TsigError error, ReadOnlySpan<byte> other)
    {
        Span<byte> mac = stackalloc byte[Tsig.MacLength];
        end = Tsig.Sign(buffer, end, key, prior, signedOnce, timeSigned, error, other, mac);
        prior = mac.ToArray();
        signedOnce = true;
        return end;
    }

    /// <summary>Seconds since 1970 by <paramref name="clock"/>: the unit of TSIG times.</summary>
    public static long Now(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeSeconds();
}
