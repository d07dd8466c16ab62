using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.PersonalData;

namespace Roundtable.Node.Peers;

/// <summary>
/// A disclosure passed between peers (<see cref="WireType.Disclosure"/>): the commitment, field
/// name, salt and value. Never stored as such; the receiver checks it and keeps it in its
/// erasable store (docs/personal-data.md).
/// </summary>
public sealed record DisclosureMessage(Hash256 Commitment, Disclosure Disclosure) : ICanonical<DisclosureMessage>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Commitment);
        writer.WriteString(Disclosure.Field);
        writer.WriteFixed(Disclosure.Salt);
        writer.WriteString(Disclosure.Value);
    }

    /// <inheritdoc />
    public static DisclosureMessage Decode(ref CanonicalReader reader)
    {
        var commitment = reader.ReadHash();
        var field = Identifier.Read(ref reader, "personal field name");
        var salt = reader.ReadFixed(PersonalFieldCommitment.SaltBytes).ToArray();
        var value = reader.ReadString(Disclosure.MaxValueBytes, "personal value");
        return new DisclosureMessage(commitment, new Disclosure(field, value, salt));
    }
}
