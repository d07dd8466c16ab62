using System.Security.Cryptography;
using Roundtable.Ledger.PersonalData;

namespace Roundtable.Node.PersonalData;

/// <summary>
/// Client side of personal data (docs/personal-data.md): a value with a fresh random salt, whose
/// commitment goes in the transaction and whose disclosure goes beside it to the nodes.
/// </summary>
public static class FreshDisclosure
{
    /// <summary>A disclosure of <paramref name="value"/> for <paramref name="field"/> under a new 32-byte salt.</summary>
    public static Disclosure Of(string field, string value) =>
        new(field, value, RandomNumberGenerator.GetBytes(PersonalFieldCommitment.SaltBytes));
}
