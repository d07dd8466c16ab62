using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Blocks;

/// <summary>
/// The bytes a validator signs when it votes: a domain tag, chain id, vote type, height, round,
/// block id (zero for nil) and the validator's timestamp in Unix milliseconds.
/// </summary>
public static class CanonicalVote
{
    private static readonly byte[] Domain = "roundtable.vote.v1"u8.ToArray();

    /// <summary>The signing payload of a vote.</summary>
    public static byte[] SigningPayload(string chainId, VoteType type, ulong height, uint round, Hash256 blockId, ulong timestampMs)
    {
        var writer = new CanonicalWriter(128);
        writer.WriteFixed(Domain);
        writer.WriteString(chainId);
        writer.WriteByte((byte)type);
        writer.WriteVarUInt(height);
        writer.WriteVarUInt(round);
        writer.WriteHash(blockId);
        writer.WriteVarUInt(timestampMs);
        return writer.ToArray();
    }
}
