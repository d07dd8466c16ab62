using Roundtable.Application.Governance.Proposals;
using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Tests.Governance.Proposals;

public sealed class StateRecordEncodingTests
{
    [Fact]
    public void Default_and_devnet_rules_are_valid_and_round_trip()
    {
        foreach (var rules in new[] { GovernanceParameters.Default, GovernanceParameters.Default.WithUniformPeriods(2_000), ProposalChain.Rules() })
        {
            Assert.Null(rules.Validate());
            var bytes = Canonical.ToBytes(rules);
            Assert.Equal(bytes, Canonical.ToBytes(Canonical.FromBytes<GovernanceParameters>(bytes)));
        }
    }

    [Fact]
    public void Default_rules_decide_anchor_withdrawals_by_a_balanced_time_locked_vote_of_two_groups_and_two_sponsors()
    {
        var rule = GovernanceParameters.Default.RuleOf(ProposalKind.AnchorWithdrawal);

        Assert.Equal(GovernanceParameters.KindCount, GovernanceParameters.Default.Rules.Count);
        Assert.Equal((VotingMethod.Balanced, 2UL, 3UL, 2U, 2U), (rule.Method, rule.ThresholdNumerator, rule.ThresholdDenominator, rule.RequiredGroups, rule.SponsorsRequired));
        Assert.True(rule.DeliberationMs > 0 && rule.VotingMs > 0 && rule.TimelockMs > 0);
    }

    [Fact]
    public void Six_rules_stored_before_anchor_withdrawals_still_decode_and_give_them_the_parameter_change_rule()
    {
        var defaults = GovernanceParameters.Default;
        var old = defaults with { Rules = [.. defaults.Rules.Take(GovernanceParameters.KindCountWithoutAnchorWithdrawal)] };
        var bytes = Canonical.ToBytes(old);

        var decoded = Canonical.FromBytes<GovernanceParameters>(bytes);

        Assert.Null(decoded.Validate());
        Assert.Equal(6, decoded.Rules.Count);
        Assert.Equal(bytes, Canonical.ToBytes(decoded));
        Assert.Same(decoded.Rules[(int)ProposalKind.ParameterChange - 1], decoded.RuleFor(new AnchorWithdrawal(default, null, "r")));
    }

    [Fact]
    public void Five_or_eight_rules_are_refused()
    {
        var defaults = GovernanceParameters.Default;
        foreach (var rules in new[] { defaults with { Rules = [.. defaults.Rules.Take(5)] }, defaults with { Rules = [.. defaults.Rules, defaults.Rules[^1]] } })
        {
            Assert.Contains("one rule per proposal kind", rules.Validate(), StringComparison.Ordinal);
            Assert.Throws<DecodeException>(() => Canonical.FromBytes<GovernanceParameters>(Canonical.ToBytes(rules)));
        }
    }

    [Fact]
    public void A_selection_decided_by_a_yes_no_method_is_refused()
    {
        var rules = GovernanceParameters.Default;
        var wrong = rules with { Rules = [rules.Rules[0], rules.Rules[2], .. rules.Rules.Skip(2)] };
        Assert.Contains("best-practice", wrong.Validate(), StringComparison.Ordinal);
        Assert.Throws<DecodeException>(() => Canonical.FromBytes<GovernanceParameters>(Canonical.ToBytes(wrong)));
    }

    [Fact]
    public void A_proposal_record_from_the_chain_round_trips_and_an_unknown_status_is_refused()
    {
        var p = new ProposalChain();
        var id = p.Submit(ProposalChain.Author, ProposalChain.Recommendation());
        var bytes = Canonical.ToBytes(p.Proposal(id));
        Assert.Equal(bytes, Canonical.ToBytes(Canonical.FromBytes<ProposalRecord>(bytes)));

        var unknown = Canonical.ToBytes(p.Proposal(id) with { Status = (ProposalStatus)99 });
        Assert.Equal(DecodeError.InvalidValue, Assert.Throws<DecodeException>(() => Canonical.FromBytes<ProposalRecord>(unknown)).Error);
    }
}
