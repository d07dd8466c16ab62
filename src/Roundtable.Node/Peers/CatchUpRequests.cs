using Roundtable.Core.Hashing;

namespace Roundtable.Node.Peers;

/// <summary>
/// Whom to ask for the next committed block while catching up, and when: one request at a time, a
/// new one only once the last has gone unanswered for the timeout. A peer that left a request
/// unanswered is passed over for heights up to the tip it reported then, as long as another peer
/// reports the height wanted: a node that joined by snapshot keeps no block below its join height
/// and does not answer for one, and asking it block after block would cost a timeout each.
/// Not thread-safe; the caller serialises.
/// </summary>
/// <param name="timeout">How long a request may go unanswered before another is sent.</param>
internal sealed class CatchUpRequests(TimeSpan timeout)
{
    private readonly Dictionary<Hash256, ulong> _tips = [];
    private readonly Dictionary<Hash256, ulong> _unansweredUpTo = [];
    private Pending? _pending;

    /// <summary>
    /// <paramref name="peer"/> reports its tip at <paramref name="tip"/> and this node needs block
    /// <paramref name="next"/>: true when the request is to go to that peer now (it is then the one outstanding).
    /// </summary>
    public bool ShouldAsk(Hash256 peer, ulong tip, ulong next, DateTime now)
    {
        _tips[peer] = tip;
        if (tip < next)
        {
            return false;
        }

        if (_pending is { } pending && pending.Height >= next)
        {
            if (now - pending.Sent < timeout)
            {
                return false;
            }

            if (pending.Height == next)
            {
                _unansweredUpTo[pending.Peer] = Math.Max(_unansweredUpTo.GetValueOrDefault(pending.Peer), pending.PeerTip);
            }
        }

        if (PassedOver(peer, next) && _tips.Any(t => t.Key != peer && t.Value >= next && !PassedOver(t.Key, next)))
        {
            return false;
        }

        _pending = new Pending(peer, next, now, tip);
        return true;
    }

    /// <summary>A block came: the outstanding request is answered.</summary>
    public void Answered() => _pending = null;

    /// <summary>The peer is gone: what was known of it goes too.</summary>
    public void Forget(Hash256 peer)
    {
        _tips.Remove(peer);
        _unansweredUpTo.Remove(peer);
    }

    private bool PassedOver(Hash256 peer, ulong height) => _unansweredUpTo.TryGetValue(peer, out var upTo) && height <= upTo;

    private sealed record Pending(Hash256 Peer, ulong Height, DateTime Sent, ulong PeerTip);
}
