using Roundtable.Core.Crypto;
using Roundtable.Merkle;

namespace Roundtable.Application.Execution;

/// <summary>
/// How the committed state sees each sender, worked out once per state version: admission, the
/// mempool's re-check after every block and the API ask about the same senders many times between
/// two blocks, and what they read changes only when the state does. Bounded: past
/// <paramref name="capacity"/> senders in one version the rest are described afresh on every call.
/// </summary>
/// <param name="describe">Reads a sender from the committed state.</param>
/// <param name="capacity">Most senders kept for one state version.</param>
internal sealed class CommittedSenders(Func<PublicKey, SenderAccount> describe, int capacity = CommittedSenders.DefaultCapacity)
{
    /// <summary>Senders kept for one state version unless told otherwise: more than a block holds.</summary>
    public const int DefaultCapacity = 1 << 16;

    private readonly Dictionary<PublicKey, SenderAccount> _accounts = [];
    private long _version = -1;

    /// <summary>How <paramref name="map"/>, as it is now, sees <paramref name="key"/>.</summary>
    public SenderAccount Describe(SparseMerkleMap map, PublicKey key)
    {
        if (_version != map.Version)
        {
            _accounts.Clear();
            _version = map.Version;
        }

        if (_accounts.TryGetValue(key, out var account))
        {
            return account;
        }

        account = describe(key);
        if (_accounts.Count < capacity)
        {
            _accounts.Add(key, account);
        }

        return account;
    }
}
