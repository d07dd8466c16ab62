using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Validators;

namespace Roundtable.Application.Tests.Governance.Proposals;

public sealed class ExecutionTests
{
    [Fact]
    public void A_parameter_change_takes_effect_only_when_its_timelock_ends()
    {
        var p = new ProposalChain();
        var changed = p.App.Parameters with { RecoveryDelayMs = 123_000 };
        var id = p.SubmitAndOpen(GovernanceMessages.ChangeParameters("Longer recovery delay", "# Recovery delay 123 s", changed, null));
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.RunUntilDue(id);
        var passed = p.Proposal(id);
        Assert.Equal(ProposalStatus.Passed, passed.Status);

        p.Chain.ExecuteAt(passed.DueMs - 1);
        Assert.Equal(TestChain.DefaultRecoveryDelayMs, p.App.Parameters.RecoveryDelayMs);

        p.Chain.ExecuteAt(passed.DueMs);
        Assert.Equal(123_000UL, p.App.Parameters.RecoveryDelayMs);
        Assert.Equal(ProposalStatus.Executed, p.Proposal(id).Status);
    }

    [Fact]
    public void A_validator_change_decides_blocks_from_two_heights_after_its_execution()
    {
        var p = new ProposalChain();
        var before = p.App.Validators.Set;
        var added = new Validator(TestKeys.Get("validator/technical-2").PublicKey, "Second technical validator", "technical", 1);
        var id = p.SubmitAndOpen(GovernanceMessages.ChangeValidators("Add a validator", "# A second technical validator", [.. before.Validators, added]));
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.RunUntilDue(id);
        p.RunUntilDue(id);
        var executedAt = p.App.Height;
        Assert.Equal(ProposalStatus.Executed, p.Proposal(id).Status);

        Assert.Equal(before.Hash, p.App.Validators.Set.Hash);
        Assert.NotNull(p.App.NextValidators.Set.Find(added.Key));
        Assert.Equal(executedAt + 2, p.App.NextValidators.EffectiveHeight);

        p.Chain.Execute();
        Assert.NotNull(p.App.Validators.Set.Find(added.Key));
        Assert.Equal(executedAt + 2, p.App.Validators.EffectiveHeight);
    }

    [Fact]
    public void A_validator_set_refused_at_submission_never_reaches_a_vote()
    {
        var p = new ProposalChain();
        var unknownGroup = new Validator(TestKeys.Get("validator/x").PublicKey, "Rogue", "no-such-group", 1);
        var tx = p.Chain.Tx(ProposalChain.Author, GovernanceMessages.ChangeValidators("Rogue", "# Rogue", [unknownGroup]));
        var result = p.Chain.RefuseConsumingSequence(tx, TxCode.InvalidArgument);
        Assert.Contains("unknown stakeholder group", result.Reason, StringComparison.Ordinal);
        Assert.Empty(p.App.ListProposals(10));
    }

    [Fact]
    public void A_software_upgrade_records_its_version_hash_and_halt_height()
    {
        var p = new ProposalChain();
        var hash = Hash256.Compute("roundtable-1.1.0.tar.gz"u8);
        var id = p.SubmitAndOpen(GovernanceMessages.Upgrade("Upgrade", "# 1.1.0", "1.1.0", hash, 10_000));
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.RunUntilDue(id);
        Assert.Null(p.App.UpgradePlan);
        p.RunUntilDue(id);

        Assert.Equal(new UpgradePlan("1.1.0", hash, 10_000, id), p.App.UpgradePlan);
    }

    [Fact]
    public void An_upgrade_whose_halt_height_passed_during_the_vote_fails_with_the_reason()
    {
        var p = new ProposalChain();
        var id = p.SubmitAndOpen(GovernanceMessages.Upgrade("Upgrade", "# 1.1.0", "1.1.0", Hash256.Compute("x"u8), p.App.Height + 3));
        p.VoteAll(ProposalChain.OnePerGroup, id, YesNoBallot.Yes);
        p.RunUntilDue(id);
        p.RunUntilDue(id);

        var proposal = p.Proposal(id);
        Assert.Equal(ProposalStatus.ExecutionFailed, proposal.Status);
        Assert.Contains("halt height", proposal.Outcome, StringComparison.Ordinal);
        Assert.Null(p.App.UpgradePlan);
    }

    [Fact]
    public void An_emergency_pause_refuses_the_module_until_it_expires()
    {
        var p = new ProposalChain();
        var pause = p.PauseModule("members", "Spam wave");

        var newcomer = TestKeys.Get("spammer");
        var result = p.Chain.RefuseWithoutStateChange(p.Chain.Tx(newcomer, TestChain.Registration()), TxCode.ModulePaused);
        Assert.Contains("members module is paused", result.Reason, StringComparison.Ordinal);

        p.Chain.ExecuteAt(pause.UntilMs);
        p.Chain.RunOk(p.Chain.Tx(newcomer, TestChain.Registration()));
    }

    [Fact]
    public void An_emergency_proposal_cancels_a_passed_proposal_in_its_timelock()
    {
        var p = new ProposalChain();
        var changed = p.App.Parameters with { RecoveryDelayMs = 1 };
        var risky = p.SubmitAndOpen(GovernanceMessages.ChangeParameters("Instant recovery", "# Recovery in 1 ms", changed, null));
        p.VoteAll(ProposalChain.OnePerGroup, risky, YesNoBallot.Yes);
        p.RunUntilDue(risky);
        Assert.Equal(ProposalStatus.Passed, p.Proposal(risky).Status);

        var stop = p.Submit(ProposalChain.Author, GovernanceMessages.Emergency("Stop it", "# Recovery in 1 ms is unsafe", string.Empty, 0, risky));
        p.RunUntilDue(stop);
        p.VoteAll(ProposalChain.OnePerGroup, stop, YesNoBallot.Yes);
        p.RunUntilDue(stop);

        Assert.Equal(ProposalStatus.Cancelled, p.Proposal(risky).Status);
        p.Chain.ExecuteAt(p.App.LastBlockTimeMs + (2 * ProposalChain.Period));
        Assert.Equal(TestChain.DefaultRecoveryDelayMs, p.App.Parameters.RecoveryDelayMs);
    }

    [Fact]
    public void An_emergency_proposal_cancels_an_executed_upgrade_while_its_halt_height_is_ahead()
    {
        var p = new ProposalChain();
        var upgrade = p.SubmitAndOpen(GovernanceMessages.Upgrade("Upgrade", "# 1.1.0", "1.1.0", Hash256.Compute("1.1.0"u8), 10_000));
        p.VoteAll(ProposalChain.OnePerGroup, upgrade, YesNoBallot.Yes);
        p.RunUntilDue(upgrade);
        p.RunUntilDue(upgrade);
        Assert.Equal(ProposalStatus.Executed, p.Proposal(upgrade).Status);
        Assert.NotNull(p.App.UpgradePlan);

        var stop = p.Submit(ProposalChain.Author, GovernanceMessages.Emergency("Stop 1.1.0", "# 1.1.0 corrupts names", string.Empty, 0, upgrade));
        p.RunUntilDue(stop);
        p.VoteAll(ProposalChain.OnePerGroup, stop, YesNoBallot.Yes);
        p.RunUntilDue(stop);

        Assert.Equal(ProposalStatus.Executed, p.Proposal(stop).Status);
        Assert.Null(p.App.UpgradePlan);
        var cancelled = p.Proposal(upgrade);
        Assert.Equal(ProposalStatus.Cancelled, cancelled.Status);
        Assert.Contains("before its halt height", cancelled.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void An_executed_upgrade_whose_halt_height_has_come_cannot_be_cancelled()
    {
        var p = new ProposalChain();
        var halt = p.App.Height + 200;
        var upgrade = p.SubmitAndOpen(GovernanceMessages.Upgrade("Upgrade", "# 1.1.0", "1.1.0", Hash256.Compute("1.1.0"u8), halt));
        p.VoteAll(ProposalChain.OnePerGroup, upgrade, YesNoBallot.Yes);
        p.RunUntilDue(upgrade);
        p.RunUntilDue(upgrade);
        Assert.Equal(ProposalStatus.Executed, p.Proposal(upgrade).Status);
        while (p.App.Height < halt)
        {
            p.Chain.ExecuteAt(p.App.LastBlockTimeMs + 1);
        }

        var refused = p.Chain.RefuseConsumingSequence(
            p.Chain.Tx(ProposalChain.Author, GovernanceMessages.Emergency("Too late", "# Stop it", string.Empty, 0, upgrade)),
            TxCode.InvalidArgument);
        Assert.Contains("halt height is ahead", refused.Reason, StringComparison.Ordinal);
        Assert.NotNull(p.App.UpgradePlan);
    }

    [Fact]
    public void Changing_the_governance_rules_is_decided_under_the_constitutional_rule()
    {
        var p = new ProposalChain();
        var rules = p.App.GovernanceParameters;
        var longer = rules with { MaxPauseMs = rules.MaxPauseMs * 2 };
        var id = p.Submit(ProposalChain.Author, GovernanceMessages.ChangeParameters("Longer pauses", "# Pauses up to 200 s", null, longer));

        Records.AssertSame(rules.Constitutional, p.Proposal(id).Rule);
        p.Chain.RunOk(p.Chain.Tx(ProposalChain.Sponsor, new SponsorProposal(id)));
        p.RunUntilDue(id);
        var lapsed = p.Proposal(id);
        Assert.Equal(ProposalStatus.Rejected, lapsed.Status);
        Assert.Contains("1 of 2 sponsors", lapsed.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Governance_rules_that_weaken_the_constitutional_rule_are_refused()
    {
        var p = new ProposalChain();
        var rules = p.App.GovernanceParameters;
        var weaker = rules with { Constitutional = rules.Constitutional with { ThresholdNumerator = 1, ThresholdDenominator = 2 } };
        var tx = p.Chain.Tx(ProposalChain.Author, GovernanceMessages.ChangeParameters("Weaker", "# Weaker", null, weaker));

        var result = p.Chain.RefuseConsumingSequence(tx, TxCode.InvalidArgument);
        Assert.Contains("constitutional rule", result.Reason, StringComparison.Ordinal);
    }
}
