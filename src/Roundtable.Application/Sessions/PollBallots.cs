using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions;

/// <summary>
/// Reads a poll ballot with the ballot type of the poll's method (docs/governance.md §2):
/// <see cref="YesNoBallot"/> for majority and balanced, <see cref="ApprovalBallot"/> for approval,
/// <see cref="RankedBallot"/> for ranked; and checks it against the poll's options.
/// </summary>
public static class PollBallots
{
    /// <summary>Null when <paramref name="ballot"/> is a well-formed ballot for <paramref name="poll"/>; otherwise why not.</summary>
    public static string? Problem(PollRecord poll, ReadOnlySpan<byte> ballot)
    {
        var options = poll.Definition.Options.Count;
        try
        {
            switch (poll.Definition.Method)
            {
                case PollMethod.Majority or PollMethod.Balanced:
                    Canonical.FromBytes<YesNoBallot>(ballot);
                    return null;
                case PollMethod.Approval or PollMethod.BalancedApproval:
                    var approval = Canonical.FromBytes<ApprovalBallot>(ballot);
                    return approval.Approved.Any(o => o >= options) ? $"The ballot approves an option beyond the {options} of this poll." : null;
                default:
                    var ranked = Canonical.FromBytes<RankedBallot>(ballot);
                    return ranked.OptionCount != options ? $"The ballot ranks {ranked.OptionCount} options; this poll has {options}." : null;
            }
        }
        catch (DecodeException e)
        {
            return $"The ballot is not a {PollMethods.Name(poll.Definition.Method)} ballot: {e.Message}";
        }
    }

    /// <summary>Decodes checked ballots as <typeparamref name="T"/>.</summary>
    public static IEnumerable<CastBallot<T>> Read<T>(IEnumerable<BallotRecord> ballots)
        where T : ICanonical<T> =>
        ballots.Select(b => new CastBallot<T>(b.Voter, Canonical.FromBytes<T>(b.Ballot)));
}
