using Roundtable.Core.Hashing;

namespace Roundtable.Node.Peers;

/// <summary>
/// Answers each peer at most once per interval: a request that makes this node read its stores
/// costs more than sending it, so a peer repeating it must not turn that into a loop. Requests in
/// between are dropped, not queued; an honest peer asks again on its own schedule. Thread-safe.
/// </summary>
/// <param name="interval">The least time between two answers to one peer.</param>
internal sealed class RequestPacing(TimeSpan interval)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, long> _answeredAtMs = [];

    /// <summary>True when <paramref name="peer"/>'s request at <paramref name="nowMs"/> (a monotonic clock) is to be answered; it then counts as answered.</summary>
    public bool TryAnswer(Hash256 peer, long nowMs)
    {
        lock (_gate)
        {
            if (_answeredAtMs.TryGetValue(peer, out var last) && nowMs - last < (long)interval.TotalMilliseconds)
            {
                return false;
            }

            _answeredAtMs[peer] = nowMs;
            return true;
        }
    }

    /// <summary>Forgets a peer that disconnected, so that what is remembered stays bounded by the peers connected.</summary>
    public void Forget(Hash256 peer)
    {
        lock (_gate)
        {
            _answeredAtMs.Remove(peer);
        }
    }
}
