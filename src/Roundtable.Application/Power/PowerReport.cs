using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Members;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Power;

/// <summary>
/// The power checks at one height (DESIGN §2.11): who holds the validators' voting power, by
/// operator, stakeholder group and region; how few could halt or capture the chain; who the verified
/// members are; who proposes and who votes. Every share is an exact fraction; nothing is rounded
/// except the display strings.
/// </summary>
/// <param name="Height">The height of the state the report reads (the validators decide the next block).</param>
/// <param name="TotalPower">The validators' total voting power.</param>
/// <param name="Validators">Each validator, in key order.</param>
/// <param name="PowerByGroup">Power by stakeholder group (every declared group, and any other a validator names).</param>
/// <param name="PowerByRegion">Power by the operators' declared regions (every declared region, and "unspecified" when some declared none).</param>
/// <param name="Operators">Nakamoto coefficients over validators.</param>
/// <param name="Groups">Nakamoto coefficients over stakeholder groups.</param>
/// <param name="Regions">Nakamoto coefficients over regions.</param>
/// <param name="VerifiedMembers">Number of verified members.</param>
/// <param name="MembersByGroup">Verified members by stakeholder group.</param>
/// <param name="MembersByRegion">Verified members by region.</param>
/// <param name="Participation">Proposals and votes by group, turnout per proposal.</param>
public sealed record PowerReport(
    ulong Height,
    ulong TotalPower,
    IReadOnlyList<ValidatorPower> Validators,
    IReadOnlyList<Share> PowerByGroup,
    IReadOnlyList<Share> PowerByRegion,
    NakamotoCoefficient Operators,
    NakamotoCoefficient Groups,
    NakamotoCoefficient Regions,
    ulong VerifiedMembers,
    IReadOnlyList<Share> MembersByGroup,
    IReadOnlyList<Share> MembersByRegion,
    ParticipationReport Participation)
{
    /// <summary>Computes the report.</summary>
    /// <param name="height">The height of the state read.</param>
    /// <param name="validators">The validator set (may be empty: everything is then zero and the coefficients null).</param>
    /// <param name="regionOf">The declared region of a validator's operator.</param>
    /// <param name="groups">The declared stakeholder groups.</param>
    /// <param name="regions">The declared regions.</param>
    /// <param name="members">All members; only verified ones are counted.</param>
    /// <param name="proposals">What the proposals module reports per proposal.</param>
    /// <exception cref="ArgumentException">A proposal's figures are inconsistent (see <see cref="ParticipationReport.From"/>).</exception>
    public static PowerReport Build(
        ulong height,
        IReadOnlyList<Validator> validators,
        Func<Validator, string> regionOf,
        IReadOnlyList<string> groups,
        IReadOnlyList<string> regions,
        IEnumerable<MemberRecord> members,
        IReadOnlyList<ProposalParticipation> proposals)
    {
        var total = validators.Aggregate(0UL, static (sum, v) => checked(sum + v.Power));
        var powers = validators.Select(v => new ValidatorPower(
            v.Name, v.Key.Id, v.StakeholderGroup, regionOf(v), v.Power, total == 0 ? Rational.Zero : new Rational(v.Power, total))).ToList();
        var byGroup = Share.Split(groups, powers.Select(v => (v.Group, v.Power)));
        var byRegion = Share.Split(regions, powers.Select(v => (v.Region, v.Power)));
        var verified = members.Where(m => m.IsVerified).ToList();
        return new PowerReport(
            height,
            total,
            powers,
            byGroup,
            byRegion,
            NakamotoCoefficient.Of([.. powers.Select(v => new Share(v.Name, v.Power, v.Fraction))]),
            NakamotoCoefficient.Of(byGroup),
            NakamotoCoefficient.Of(byRegion),
            (ulong)verified.Count,
            Share.Split(groups, verified.Select(m => (m.StakeholderGroup, 1UL))),
            Share.Split(regions, verified.Select(m => (m.Region, 1UL))),
            ParticipationReport.From(proposals, groups));
    }
}
