namespace Roundtable.Dns.Tests.Support;

/// <summary>The system clock moved by a fixed offset: a server whose time is off, for TSIG's time check.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
