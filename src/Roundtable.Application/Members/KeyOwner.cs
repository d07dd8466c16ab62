using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Members;

/// <summary>The member a key was ever registered to. Kept after rotation so a retired key is never reused.</summary>
/// <param name="Member">The member id.</param>
public sealed record KeyOwner(Hash256 Member) : ICanonical<KeyOwner>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteHash(Member);

    /// <inheritdoc />
    public static KeyOwner Decode(ref CanonicalReader reader) => new(reader.ReadHash());
}
