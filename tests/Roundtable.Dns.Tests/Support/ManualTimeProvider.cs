namespace Roundtable.Dns.Tests.Support;

/// <summary>A clock that moves only when the test says so (timestamps only; timers are not used by the rate limiter).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
