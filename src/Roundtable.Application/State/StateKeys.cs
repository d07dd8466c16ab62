using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.State;

/// <summary>
/// The state key layout. Keys are readable ASCII paths so that a proof request
/// (<c>/api/v1/state/proof?key=member/…</c>) says what it proves.
/// </summary>
public static class StateKeys
{
    /// <summary>Chain parameters.</summary>
    public static readonly byte[] Parameters = "params"u8.ToArray();

    /// <summary>The validator set deciding the next block.</summary>
    public static readonly byte[] Validators = "validators"u8.ToArray();

    /// <summary>The validator set deciding the block after next (set changes land here: two heights of notice).</summary>
    public static readonly byte[] NextValidators = "validators-next"u8.ToArray();

    /// <summary>The validator set that decided the last block (its commit travels in the next header).</summary>
    public static readonly byte[] LastValidators = "validators-last"u8.ToArray();

    /// <summary>Recoveries waiting for their delay, ordered by ready time.</summary>
    public static readonly byte[] RecoveryQueue = "recovery-queue"u8.ToArray();

    /// <summary>A member record by member id.</summary>
    public static byte[] Member(Hash256 memberId) => Path("member/", memberId);

    /// <summary>The member a key belongs (or belonged) to, by key id.</summary>
    public static byte[] Key(Hash256 keyId) => Path("key/", keyId);

    /// <summary>A member's pending recovery.</summary>
    public static byte[] Recovery(Hash256 memberId) => Path("recovery/", memberId);

    /// <summary>
    /// The key <paramref name="prefix"/> followed by <paramref name="id"/> in lowercase hex, the
    /// layout of every per-record key. Written straight into the key's bytes: a transaction builds
    /// several such keys, and going through strings allocated three times as much.
    /// </summary>
    public static byte[] Path(string prefix, Hash256 id)
    {
        var key = new byte[prefix.Length + (2 * Hash256.Size)];
        var written = Encoding.ASCII.GetBytes(prefix, key);
        Span<byte> raw = stackalloc byte[Hash256.Size];
        id.CopyTo(raw);
        if (!Convert.TryToHexStringLower(raw, key.AsSpan(written), out var hexBytes) || written + hexBytes != key.Length)
        {
            throw new InvalidOperationException($"The state key for prefix '{prefix}' was not filled exactly.");
        }

        return key;
    }
}
