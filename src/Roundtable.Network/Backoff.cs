namespace Roundtable.Network;

/// <summary>
/// Exponential backoff with jitter for redials: the n-th delay is drawn uniformly from
/// [b/2, b] where b = min(initial · 2ⁿ, max). Jitter keeps restarted nodes from redialing in step.
/// </summary>
internal sealed class Backoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public Backoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
        _next = initial;
    }

    /// <summary>The upper bound of the next delay.</summary>
    public TimeSpan Ceiling => _next;

    /// <summary>The next delay; doubles the ceiling for the one after.</summary>
    public TimeSpan Next()
    {
        var ceiling = _next;
        _next = ceiling >= _max / 2 ? _max : ceiling * 2;
        return ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5));
    }

    /// <summary>Back to the initial delay (after a successful connection).</summary>
    public void Reset() => _next = _initial;
}
