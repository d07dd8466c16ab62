namespace Roundtable.Application.Power;

/// <summary>Who proposes and who votes: shares by stakeholder group and the turnout of each proposal.</summary>
/// <param name="Proposals">How many proposals are counted.</param>
/// <param name="ProposalsByGroup">Proposals by their author's group.</param>
/// <param name="VotesByGroup">Counted ballots over all proposals by the voter's group.</param>
/// <param name="Turnout">Each proposal's turnout, in the order given.</param>
public sealed record ParticipationReport(
    ulong Proposals,
    IReadOnlyList<Share> ProposalsByGroup,
    IReadOnlyList<Share> VotesByGroup,
    IReadOnlyList<ProposalTurnout> Turnout)
{
    /// <summary>
    /// The report over <paramref name="proposals"/>; every group in <paramref name="groups"/> appears
    /// in the shares even with nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A proposal lists a group twice, or more voters than electors in a group.</exception>
    public static ParticipationReport From(IReadOnlyList<ProposalParticipation> proposals, IEnumerable<string> groups)
    {
        var known = groups.ToList();
        var turnout = proposals.Select(TurnoutOf).ToList();
        return new ParticipationReport(
            (ulong)proposals.Count,
            Share.Split(known, proposals.Select(p => (p.AuthorGroup, 1UL))),
            Share.Split(known, proposals.SelectMany(p => p.Voters).Select(v => (v.Group, v.Count))),
            turnout);
    }

    private static ProposalTurnout TurnoutOf(ProposalParticipation p)
    {
        var electors = ByGroup(p, p.Electors, "electors");
        var voters = ByGroup(p, p.Voters, "voters");
        foreach (var (group, count) in voters)
        {
            if (count > electors.GetValueOrDefault(group))
            {
                throw new ArgumentException($"Proposal {p.Id.ToShortString()} counts {count} voter(s) in group '{group}', which has {electors.GetValueOrDefault(group)} elector(s).", nameof(p));
            }
        }

        var byGroup = electors.Select(e => Power.Turnout.Of(e.Key, e.Value, voters.GetValueOrDefault(e.Key))).ToList();
        var total = Power.Turnout.Of(Power.Turnout.All, byGroup.Aggregate(0UL, static (s, t) => checked(s + t.Electors)), byGroup.Aggregate(0UL, static (s, t) => checked(s + t.Voters)));
        return new ProposalTurnout(p.Id, p.AuthorGroup, total, byGroup);
    }

    private static SortedDictionary<string, ulong> ByGroup(ProposalParticipation p, IReadOnlyList<GroupCount> counts, string what)
    {
        var byGroup = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            if (!byGroup.TryAdd(c.Group, c.Count))
            {
                throw new ArgumentException($"Proposal {p.Id.ToShortString()} lists group '{c.Group}' twice among its {what}.", nameof(p));
            }
        }

        return byGroup;
    }
}
