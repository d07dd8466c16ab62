using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.PersonalData;

/// <summary>
/// The salted commitment a transaction carries instead of a personal value (docs/personal-data.md):
/// SHA-256 over the canonical encoding of the domain tag, the field name, the 32-byte salt (raw)
/// and the UTF-8 value. Whoever holds the value and its salt can check it; nobody else learns it.
/// </summary>
public static class PersonalFieldCommitment
{
    /// <summary>The domain tag: no other hash in the ledger starts with these bytes.</summary>
    public const string DomainTag = "roundtable/personal-field/v1";

    /// <summary>Length of a salt in bytes.</summary>
    public const int SaltBytes = 32;

    /// <summary>The commitment to <paramref name="value"/> of field <paramref name="field"/> under <paramref name="salt"/>.</summary>
    /// <exception cref="ArgumentException">The salt is not <see cref="SaltBytes"/> bytes.</exception>
    public static Hash256 Compute(string field, ReadOnlySpan<byte> salt, string value)
    {
        if (salt.Length != SaltBytes)
        {
            throw new ArgumentException($"A salt is {SaltBytes} bytes, not {salt.Length}.", nameof(salt));
        }

        var writer = new CanonicalWriter(128);
        writer.WriteString(DomainTag);
        writer.WriteString(field);
        writer.WriteFixed(salt);
        writer.WriteString(value);
        return Hash256.Compute(writer.WrittenSpan);
    }
}
