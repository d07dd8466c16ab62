using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.PersonalData;

/// <summary>
/// A personal value with the salt that opens its commitment: what travels beside a transaction
/// to the nodes, never inside it.
/// </summary>
/// <param name="Field">The field name ("gender", "organisation", …).</param>
/// <param name="Value">The value, at most <see cref="MaxValueBytes"/> UTF-8 bytes.</param>
/// <param name="Salt">The <see cref="PersonalFieldCommitment.SaltBytes"/>-byte salt.</param>
public sealed record Disclosure(string Field, string Value, byte[] Salt)
{
    /// <summary>Maximum UTF-8 length of a disclosed value.</summary>
    public const int MaxValueBytes = 256;

    /// <summary>The commitment this disclosure opens.</summary>
    public Hash256 Commitment => PersonalFieldCommitment.Compute(Field, Salt, Value);

    /// <summary>True when this disclosure opens <paramref name="commitment"/>.</summary>
    public bool Opens(Hash256 commitment) => Salt.Length == PersonalFieldCommitment.SaltBytes && Commitment == commitment;

    /// <inheritdoc />
    public bool Equals(Disclosure? other) =>
        other is not null && Field == other.Field && Value == other.Value && Salt.AsSpan().SequenceEqual(other.Salt);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Field, Value, Salt.Length);
}
