using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.PersonalData;

/// <summary>
/// The owner of a personal field (a profile field or a declared gender) withdraws it: from this
/// block on the record shows "withdrawn by its owner" and every node erases the value and its salt
/// (docs/personal-data.md). The commitment stays, so every other record still verifies.
/// </summary>
/// <param name="Commitment">The field's commitment, as its registration or check-in carried it.</param>
public sealed record WithdrawPersonalField(Hash256 Commitment) : TxMessage
{
    /// <inheritdoc />
    public override MessageType Type => MessageType.WithdrawPersonalField;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer) => writer.WriteHash(Commitment);

    /// <summary>Reads the body.</summary>
    public static WithdrawPersonalField DecodeBody(ref CanonicalReader reader) => new(reader.ReadHash());
}
