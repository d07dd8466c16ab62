using Roundtable.Core.Encoding;

namespace Roundtable.Application.State;

/// <summary>The value of an index entry whose key says everything (a name's expiry, a dispute's draw): empty.</summary>
public sealed record IndexMark : ICanonical<IndexMark>
{
    /// <summary>The one mark.</summary>
    public static IndexMark Instance { get; } = new();

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        // Nothing: the entry's key holds what the index needs.
    }

    /// <inheritdoc />
    public static IndexMark Decode(ref CanonicalReader reader) => Instance;
}
