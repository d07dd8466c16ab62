using Roundtable.Core.Hashing;

namespace Roundtable.Application.PersonalData;

/// <summary>A personal field as a node shows it: its value only while it is available.</summary>
/// <param name="Commitment">The commitment on chain.</param>
/// <param name="Availability">Available, not available on this node, or withdrawn.</param>
/// <param name="Value">The value when <see cref="PersonalFieldAvailability.Available"/>, otherwise null.</param>
/// <param name="WithdrawnAtHeight">The height of the withdrawal, or 0.</param>
public sealed record PersonalFieldView(Hash256 Commitment, PersonalFieldAvailability Availability, string? Value, ulong WithdrawnAtHeight)
{
    /// <summary>
    /// Joins the state's record of <paramref name="commitment"/> with what this node holds: a
    /// withdrawn field never shows a value, even if a copy lingered somewhere.
    /// </summary>
    public static PersonalFieldView Of(Hash256 commitment, PersonalFieldRecord? record, IDisclosedValues values)
    {
        if (record is { IsWithdrawn: true })
        {
            return new PersonalFieldView(commitment, PersonalFieldAvailability.Withdrawn, null, record.WithdrawnAtHeight);
        }

        return record is not null && values.Find(commitment) is { } value
            ? new PersonalFieldView(commitment, PersonalFieldAvailability.Available, value, 0)
            : new PersonalFieldView(commitment, PersonalFieldAvailability.NotAvailable, null, 0);
    }
}
