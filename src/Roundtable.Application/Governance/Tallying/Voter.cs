using Roundtable.Core.Hashing;
using Roundtable.Ledger;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>
/// One member of an electorate: the member id and the stakeholder group and region the member had
/// when voting opened. Group and region are identifiers (a–z, 0–9, '-', starting with a letter),
/// compared ordinally.
/// </summary>
public sealed record Voter
{
    /// <summary>Creates a voter.</summary>
    /// <exception cref="ArgumentException">The group or the region is not an identifier.</exception>
    public Voter(Hash256 memberId, string group, string region)
    {
        if (!Identifier.IsValid(group))
        {
            throw new ArgumentException($"Stakeholder group '{group}' is not an identifier.", nameof(group));
        }

        if (!Identifier.IsValid(region))
        {
            throw new ArgumentException($"Region '{region}' is not an identifier.", nameof(region));
        }

        MemberId = memberId;
        Group = group;
        Region = region;
    }

    /// <summary>The member's id.</summary>
    public Hash256 MemberId { get; }

    /// <summary>The stakeholder group id.</summary>
    public string Group { get; }

    /// <summary>The region id.</summary>
    public string Region { get; }
}
