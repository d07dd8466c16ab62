using Roundtable.Core.Hashing;

namespace Roundtable.Network;

/// <summary>What both ends know about a connection, enough to agree on which of two to keep.</summary>
/// <param name="Dialer">Node id of the side that dialed.</param>
/// <param name="DialSequence">The dialer's counter for this dial.</param>
/// <param name="RemoteInstance">The remote process's instance number (from its hello).</param>
internal readonly record struct ConnectionKey(Hash256 Dialer, ulong DialSequence, ulong RemoteInstance);

/// <summary>
/// The rule that leaves exactly one connection between two nodes when both dial at once. Both ends
/// evaluate it on the same facts, so they keep the same connection:
/// <list type="number">
/// <item>If the remote process restarted (its instance changed), the new connection wins: the old one is stale.</item>
/// <item>Else, if the two were dialed by different nodes, the one dialed by the lower node id wins.</item>
/// <item>Else (same dialer), the later dial (higher dial sequence) wins.</item>
/// </list>
/// </summary>
internal static class DuplicateResolution
{
    /// <summary>True when <paramref name="candidate"/> should replace <paramref name="existing"/>.</summary>
    public static bool CandidateWins(Hash256 self, Hash256 remote, ConnectionKey existing, ConnectionKey candidate)
    {
        if (existing.RemoteInstance != candidate.RemoteInstance)
        {
            return true;
        }

        if (existing.Dialer != candidate.Dialer)
        {
            var preferred = self < remote ? self : remote;
            return candidate.Dialer == preferred;
        }

        return candidate.DialSequence > existing.DialSequence;
    }
}
