using Roundtable.Application.PersonalData;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.PersonalData;

namespace Roundtable.Application.Tests.Support;

/// <summary>
/// A node's erasable store in miniature: the test declares values (salted deterministically from
/// the field and value, so runs repeat) and chooses which ones the "node" holds.
/// </summary>
internal sealed class HeldValues : IDisclosedValues
{
    private readonly Dictionary<Hash256, string> _held = [];

    /// <summary>A disclosure of <paramref name="value"/> with a salt derived from field and value.</summary>
    public static Disclosure Disclose(string field, string value) =>
        new(field, value, Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(field + "=" + value)).ToArray());

    /// <summary>The commitment of <paramref name="value"/>, held from now on.</summary>
    public Hash256 Hold(string field, string value)
    {
        var disclosure = Disclose(field, value);
        _held[disclosure.Commitment] = value;
        return disclosure.Commitment;
    }

    /// <summary>Forgets a value, as a node that erased it.</summary>
    public void Erase(Hash256 commitment) => _held.Remove(commitment);

    /// <inheritdoc />
    public string? Find(Hash256 commitment) => _held.GetValueOrDefault(commitment);
}
