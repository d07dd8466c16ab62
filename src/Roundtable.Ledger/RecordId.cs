using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger;

/// <summary>
/// Ids of records a transaction creates (sessions, working groups): SHA-256 of a domain tag, the
/// creating member's id and the sequence number of the creating transaction. Unique because a
/// member's sequence never repeats, and known to the sender before signing.
/// </summary>
public static class RecordId
{
    /// <summary>The id of the record of kind <paramref name="domain"/> created by <paramref name="creator"/>'s transaction number <paramref name="sequence"/>.</summary>
    public static Hash256 Derive(string domain, Hash256 creator, ulong sequence)
    {
        var tag = Encoding.ASCII.GetBytes("roundtable/" + domain + "/");
        var data = new byte[tag.Length + Hash256.Size + sizeof(ulong)];
        tag.CopyTo(data, 0);
        creator.CopyTo(data.AsSpan(tag.Length));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(tag.Length + Hash256.Size), sequence);
        return Hash256.Compute(data);
    }
}
