using Roundtable.Application.Governance.Proposals;
using Roundtable.Core.Encoding;

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
