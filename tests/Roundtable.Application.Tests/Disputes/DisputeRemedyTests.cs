using Roundtable.Application.Disputes;
using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Tests.Governance.Proposals;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Notary;

namespace Roundtable.Application.Tests.Disputes;

/// <summary>What each remedy does once carried out.</summary>
public sealed class DisputeRemedyTests
{
    private static readonly DisputeRules EveryRemedy = DisputeChain.Rules with { Remedies = Enum.GetValues<RemedyKind>() };

    [Fact]
    public void A_suspended_name_stops_resolving_and_comes_back_when_the_suspension_ends()
    {
        var d = new DisputeChain();
        var id = d.FileAndDraw();
        d.Decide(id, Remedy.Suspend(RemedyKind.SuspendName, 60_000));
        d.RunUntil(d.Dispute(id).AppealEndMs);

        d.Chain.RunOk(d.Chain.Tx(DisputeChain.Claimant, new ExecuteRemedy(id)));
        var suspendedAt = d.App.Height;
        var name = d.App.GetName(DisputeChain.Zone, "shop")!;
        Assert.False(name.IsLiveAt(d.App.LastBlockTimeMs));
        Assert.Equal(suspendedAt, d.App.GetZoneVersion(DisputeChain.Zone).ChangedAtHeight);

        d.RunUntil(name.SuspendedUntilMs);
        Assert.True(d.App.GetName(DisputeChain.Zone, "shop")!.IsLiveAt(d.App.LastBlockTimeMs));
        Assert.Equal(d.App.Height, d.App.GetZoneVersion(DisputeChain.Zone).ChangedAtHeight);
    }

    [Fact]
    public void A_suspended_right_to_vote_refuses_the_respondents_ballots_until_it_ends()
    {
        var d = new DisputeChain(EveryRemedy);
        var id = d.File(DisputeChain.Claimant, DisputeSubject.OfMember(DisputeChain.Respondent.PublicKey.Id));
        d.Chain.Execute();
        d.Chain.Execute();
        d.Decide(id, Remedy.Suspend(RemedyKind.SuspendVoting, 500_000));
        d.RunUntil(d.Dispute(id).AppealEndMs);
        d.Chain.RunOk(d.Chain.Tx(DisputeChain.Claimant, new ExecuteRemedy(id)));

        var proposal = d.Proposals.SubmitAndOpen(ProposalChain.Recommendation());
        var refused = d.Chain.RefuseConsumingSequence(d.Proposals.VoteTx(DisputeChain.Respondent, proposal, YesNoBallot.Yes), TxCode.Unauthorized);

        Assert.Contains("right to vote is suspended", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(id, d.App.GetVotingSuspension(DisputeChain.Respondent.PublicKey.Id)!.Dispute);
    }

    [Fact]
    public void A_revoked_anchor_names_the_dispute_and_no_proposal()
    {
        var d = new DisputeChain(EveryRemedy);
        var digest = Hash256.Compute("misleading report"u8);
        d.Chain.RunOk(d.Chain.Tx(DisputeChain.Respondent, new AnchorDocument(digest, new AnchorMetadata("Workshop report", "application/pdf", 48_213, "https://example.org/report.pdf", ["report"]), [])));
        var id = d.File(DisputeChain.Claimant, DisputeSubject.OfAnchor(digest));
        d.Chain.Execute();
        d.Chain.Execute();
        d.Decide(id, Remedy.Revoke);
        d.RunUntil(d.Dispute(id).AppealEndMs);

        d.Chain.RunOk(d.Chain.Tx(DisputeChain.Claimant, new ExecuteRemedy(id)));

        var anchor = d.App.GetAnchor(digest)!;
        Assert.Equal(AnchorStatus.Revoked, anchor.Status);
        Assert.Null(anchor.WithdrawingProposal);
        Assert.Contains(id.ToString(), anchor.StatusReason, StringComparison.Ordinal);
    }
}
