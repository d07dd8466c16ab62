using Roundtable.Core.Encoding;

namespace Roundtable.Application.State;

/// <summary>Height and BFT time of the last executed block, kept in state so every root is unique to its height.</summary>
/// <param name="Height">Last executed height (0 before the first block).</param>
/// <param name="TimeMs">Its BFT time, Unix milliseconds.</param>
public sealed record ChainMeta(ulong Height, ulong TimeMs) : ICanonical<ChainMeta>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(TimeMs);
    }

    /// <inheritdoc />
    public static ChainMeta Decode(ref CanonicalReader reader) => new(reader.ReadVarUInt(), reader.ReadVarUInt());
}
