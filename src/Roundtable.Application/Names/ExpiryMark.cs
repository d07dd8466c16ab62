using Roundtable.Core.Encoding;

namespace Roundtable.Application.Names;

/// <summary>The value of an expiry index entry: the key says everything, so the value is empty.</summary>
public sealed record ExpiryMark : ICanonical<ExpiryMark>
{
    /// <summary>The one mark.</summary>
    public static ExpiryMark Instance { get; } = new();

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        // Nothing: the entry's key holds the time, zone and label.
    }

    /// <inheritdoc />
    public static ExpiryMark Decode(ref CanonicalReader reader) => Instance;
}
