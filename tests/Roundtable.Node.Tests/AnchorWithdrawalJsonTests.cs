using System.Text.Json;
using System.Text.Json.Nodes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Notary;
using Roundtable.Node.Api;
using Roundtable.Node.Json;
using Roundtable.Node.Tests.Support;

namespace Roundtable.Node.Tests;

/// <summary>The JSON of anchor-withdrawal proposals, of anchors withdrawn by one, and of the rule that decides them.</summary>
public sealed class AnchorWithdrawalJsonTests
{
    private static readonly Hash256 Digest = Hash256.Compute("report"u8);
    private static readonly Hash256 Replacement = Hash256.Compute("report, redacted"u8);
    private static readonly Hash256 Proposal = Hash256.Compute("proposal"u8);

    public static TheoryData<TxMessage> Messages =>
    [
        GovernanceMessages.WithdrawAnchor("Withdraw the report", "# It names a private person", Digest, null, "It names a private person."),
        GovernanceMessages.WithdrawAnchor("Replace the report", "# Redacted", Digest, Replacement, "Redacted version."),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_JSON_form_of_an_anchor_withdrawal_proposal_reads_back_as_the_same_message(TxMessage message) =>
        MessageJsonRoundTrip.AssertReadsBack(message);

    [Fact]
    public void An_anchor_withdrawal_action_without_a_replacement_field_revokes()
    {
        var json = $$"""{"kind":"anchor-withdrawal","digest":"{{Digest}}","reason":"Gone."}""";

        using var document = JsonDocument.Parse(json);

        Assert.Equal(new AnchorWithdrawal(Digest, null, "Gone."), GovernanceMessageJson.Action(document.RootElement));
    }

    [Fact]
    public void An_anchor_withdrawn_by_a_proposal_names_it_in_its_view()
    {
        var signer = new AnchorSigner(Hash256.Compute("ada"u8), "technical", "europe", true, 7, 1_750_000_007_000);
        var record = AnchorRecord.Anchored(Digest, signer, new AnchorMetadata("Report", "application/pdf", 1, null, []), [])
            .Withdrawn("Decided by the members.", 30, Replacement, Proposal);

        var view = NotaryViews.Anchor(record);

        Assert.Equal(("superseded", "proposal", Proposal.ToString()), ((string?)view["status"], (string?)view["withdrawnBy"], (string?)view["withdrawingProposal"]));
    }

    [Fact]
    public void The_rules_view_names_every_kind_and_shows_kinds_newer_than_the_stored_rules_under_the_parameter_change_rule()
    {
        var defaults = GovernanceParameters.Default;
        var sixRules = defaults with { Rules = [.. defaults.Rules.Take(GovernanceParameters.KindCountWithoutAnchorWithdrawal)] };
        var sevenRules = defaults with { Rules = [.. defaults.Rules.Take(GovernanceParameters.KindCountWithoutZoneChange)] };

        var current = GovernanceViews.RulesByKind(defaults);
        var six = GovernanceViews.RulesByKind(sixRules);
        var seven = GovernanceViews.RulesByKind(sevenRules);

        Assert.All(new[] { current, six, seven }, view => Assert.Equal(GovernanceParameters.KindCount, view.Count));
        // Views list kinds in order of their number (1-based), whatever the chain stored.
        static (string?, string?) Of(JsonArray view, ProposalKind kind) =>
            ((string?)view[(int)kind - 1]!["kind"], (string?)view[(int)kind - 1]!["ruleOf"]);

        Assert.Equal(("anchor-withdrawal", "anchor-withdrawal"), Of(current, ProposalKind.AnchorWithdrawal));
        Assert.Equal(("zone-change", "zone-change"), Of(current, ProposalKind.ZoneChange));
        Assert.Equal(("anchor-withdrawal", "parameter-change"), Of(six, ProposalKind.AnchorWithdrawal));
        Assert.Equal(("zone-change", "parameter-change"), Of(six, ProposalKind.ZoneChange));
        Assert.Equal(("anchor-withdrawal", "anchor-withdrawal"), Of(seven, ProposalKind.AnchorWithdrawal));
        Assert.Equal(("zone-change", "parameter-change"), Of(seven, ProposalKind.ZoneChange));
        Assert.Equal(("assessment", "assessment"), Of(current, ProposalKind.Assessment));
        Assert.Equal(("assessment", "parameter-change"), Of(seven, ProposalKind.Assessment));
    }
}
