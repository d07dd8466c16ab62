using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages;

/// <summary>
/// One profile detail a member chose to publish (for example "organisation"). The chain holds only
/// its salted commitment (docs/personal-data.md); the value travels beside the transaction to the
/// nodes, which serve it while the member allows and erase it when the member withdraws it.
/// </summary>
/// <param name="Name">An <see cref="Identifier"/>.</param>
/// <param name="Commitment">The <see cref="Roundtable.Ledger.PersonalData.PersonalFieldCommitment"/> to the value.</param>
public sealed record ProfileField(string Name, Hash256 Commitment)
{
    /// <summary>Maximum number of fields in a profile.</summary>
    public const int MaxFields = 16;
}
