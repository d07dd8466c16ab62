using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Notary;

/// <summary>How a member is tied to an anchor.</summary>
public enum AnchorRole : byte
{
    /// <summary>The member anchored it.</summary>
    Author = 1,

    /// <summary>The member co-signed it.</summary>
    Cosigner = 2,
}

/// <summary>The value at <see cref="NotaryKeys.MemberAnchor"/>: the member's role on that anchor.</summary>
/// <param name="Role">Author or co-signer.</param>
public sealed record MemberAnchor(AnchorRole Role) : ICanonical<MemberAnchor>
{
    /// <summary>"author" or "cosigner".</summary>
    public static string RoleName(AnchorRole role) => role == AnchorRole.Author ? "author" : "cosigner";

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteByte((byte)Role);

    /// <inheritdoc />
    public static MemberAnchor Decode(ref CanonicalReader reader) => reader.ReadByte() switch
    {
        1 => new MemberAnchor(AnchorRole.Author),
        2 => new MemberAnchor(AnchorRole.Cosigner),
        var b => throw new DecodeException(DecodeError.InvalidValue, $"Anchor role {b} is not author (1) or co-signer (2)."),
    };
}

/// <summary>The value at <see cref="NotaryKeys.Child"/>: how the child relates to the parent.</summary>
/// <param name="Relation">New version of, or derived from.</param>
public sealed record LineageChild(LineageRelation Relation) : ICanonical<LineageChild>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => LineageLink.WriteRelation(writer, Relation);

    /// <inheritdoc />
    public static LineageChild Decode(ref CanonicalReader reader) => new(LineageLink.ReadRelation(ref reader));
}
