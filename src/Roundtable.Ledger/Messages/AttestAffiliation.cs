using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages;

/// <summary>The sender, a verified member, vouches that <paramref name="Member"/> speaks for the stakeholder group it declared.</summary>
/// <param name="Member">The attested member's id.</param>
public sealed record AttestAffiliation(Hash256 Member) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.AttestAffiliation;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Member);

    /// <summary>Reads the body.</summary>
    public static AttestAffiliation DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}
