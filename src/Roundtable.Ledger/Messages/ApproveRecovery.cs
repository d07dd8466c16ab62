using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages;

/// <summary>
/// A guardian approves moving <paramref name="Member"/> onto <paramref name="NewKey"/>. When the
/// threshold of guardians approved the same key, a delay starts during which the member's current
/// key can cancel; after it the key is replaced.
/// </summary>
/// <param name="Member">The member who lost a key.</param>
/// <param name="NewKey">The key the member will use after recovery.</param>
public sealed record ApproveRecovery(Hash256 Member, PublicKey NewKey) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.ApproveRecovery;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteHash(Member);
        NewKey.Encode(writer);
    }

    /// <summary>Reads the body.</summary>
    public static ApproveRecovery DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), PublicKey.Decode(ref reader));
}
