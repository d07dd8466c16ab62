using Roundtable.Application.Assessments;
using Roundtable.Application.Execution;
using Roundtable.Application.Members;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>Submission and deliberation: comments, amendments the author resolves, sponsors, withdrawal.</summary>
public static class ProposalDeliberation
{
    /// <summary>Opens a proposal for deliberation under the rule for its kind.</summary>
    public static void Submit(TxContext ctx, SubmitProposal m)
    {
        var author = ProposalStore.RequireVerified(ctx, "submit proposals");
        var id = ProposalId.For(author.Id, author.Sequence - 1);
        var governance = ProposalStore.Parameters(ctx.State);
        var rule = governance.RuleFor(m.Action);
        var chair = m.Chair.IsZero ? author.Id : m.Chair;
        if (MembersModule.GetMember(ctx.State, chair) is not { IsVerified: true })
        {
            throw new TxRejectedException(TxCode.NotFound, $"The chair {chair.ToShortString()} is not a verified member.");
        }

        if (m.Secret && rule.Method == VotingMethod.Consensus)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "A consensus decision is open by nature: objections are answered in public. It cannot use a secret ballot.");
        }

        if (m.Action is DisputeAppeal)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "An appeal vote is opened by a party's appeal of the dispute's decision, not submitted as a proposal.");
        }

        if (m.Action is Assessment assessment)
        {
            AssessmentRules.RequireAssessable(ctx.State, assessment);
        }

        var problem = ProposalEffects.Check(ctx.State, m.Action, ctx.Height);
        if (problem is not null)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "This proposal could not be carried out: " + problem + ".");
        }

        var proposal = new ProposalRecord(
            id, author.Id, m.Title, m.Document, m.Action, chair, m.Secret, rule, ProposalStatus.Deliberation,
            ctx.TimeMs, 0, 0, [], 0, 0, 0, string.Empty, default, string.Empty, 0);
        ProposalStore.Schedule(ctx.State, proposal, ProposalStore.After(ctx.TimeMs, rule.DeliberationMs));
    }

    /// <summary>Adds a comment (deliberation and voting).</summary>
    public static void Comment(TxContext ctx, CommentOnProposal m)
    {
        var sender = ProposalStore.RequireVerified(ctx, "comment");
        var proposal = ProposalStore.Require(ctx.State, m.Proposal);
        ProposalStore.RequireStatus(proposal, "comment", ProposalStatus.Deliberation, ProposalStatus.Voting, ProposalStatus.Revealing, ProposalStatus.AwaitingCall);
        ctx.State.Put(GovernanceKeys.Comment(proposal.Id, proposal.Comments), new CommentRecord(sender.Id, ctx.TimeMs, m.Text));
        ProposalStore.Put(ctx.State, proposal with { Comments = proposal.Comments + 1 });
    }

    /// <summary>Records an amendment for the author to resolve.</summary>
    public static void Amend(TxContext ctx, ProposeAmendment m)
    {
        var sender = ProposalStore.RequireVerified(ctx, "propose amendments");
        var proposal = ProposalStore.Require(ctx.State, m.Proposal);
        ProposalStore.RequireStatus(proposal, "amend", ProposalStatus.Deliberation);
        if (m.Document.Hash == proposal.Document.Hash)
        {
            throw new TxRejectedException(TxCode.Duplicate, "The amendment's document is the pinned document.");
        }

        ctx.State.Put(GovernanceKeys.Amendment(proposal.Id, proposal.Amendments), new AmendmentRecord(sender.Id, m.Document, m.Rationale, AmendmentResolution.Pending));
        ProposalStore.Put(ctx.State, proposal with { Amendments = proposal.Amendments + 1 });
    }

    /// <summary>The author accepts (the pinned document is replaced) or rejects an amendment.</summary>
    public static void Resolve(TxContext ctx, ResolveAmendment m)
    {
        var sender = ctx.RequireSender();
        var proposal = ProposalStore.Require(ctx.State, m.Proposal);
        RequireAuthor(proposal, sender, "resolve amendments");
        ProposalStore.RequireStatus(proposal, "resolve an amendment", ProposalStatus.Deliberation);
        var key = GovernanceKeys.Amendment(proposal.Id, m.Amendment);
        var amendment = ctx.State.Get<AmendmentRecord>(key) ?? throw new TxRejectedException(TxCode.NotFound, $"No amendment {m.Amendment}.");
        if (amendment.Resolution != AmendmentResolution.Pending)
        {
            throw new TxRejectedException(TxCode.AlreadyExists, $"Amendment {m.Amendment} is already {(amendment.Resolution == AmendmentResolution.Accepted ? "accepted" : "rejected")}.");
        }

        ctx.State.Put(key, amendment with { Resolution = m.Accept ? AmendmentResolution.Accepted : AmendmentResolution.Rejected });
        if (m.Accept)
        {
            ProposalStore.Put(ctx.State, proposal with { Document = amendment.Document });
        }
    }

    /// <summary>Adds the sender as a sponsor.</summary>
    public static void Sponsor(TxContext ctx, SponsorProposal m)
    {
        var sender = ProposalStore.RequireVerified(ctx, "sponsor proposals");
        var proposal = ProposalStore.Require(ctx.State, m.Proposal);
        ProposalStore.RequireStatus(proposal, "sponsor", ProposalStatus.Deliberation);
        if (sender.Id == proposal.Author)
        {
            throw new TxRejectedException(TxCode.Unauthorized, "The author cannot sponsor their own proposal.");
        }

        if (proposal.Sponsors.Contains(sender.Id))
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "You already sponsor this proposal.");
        }

        if (proposal.Sponsors.Count >= ProposalRule.MaxSponsors)
        {
            throw new TxRejectedException(TxCode.Oversize, $"The proposal has the most sponsors kept ({ProposalRule.MaxSponsors}).");
        }

        ProposalStore.Put(ctx.State, proposal with { Sponsors = SortedHashes.With(proposal.Sponsors, sender.Id) });
    }

    /// <summary>The author withdraws the proposal before voting.</summary>
    public static void Withdraw(TxContext ctx, WithdrawProposal m)
    {
        var sender = ctx.RequireSender();
        var proposal = ProposalStore.Require(ctx.State, m.Proposal);
        RequireAuthor(proposal, sender, "withdraw it");
        ProposalStore.RequireStatus(proposal, "withdraw", ProposalStatus.Deliberation);
        ProposalStore.Finish(ctx.State, proposal, ProposalStatus.Withdrawn, "Withdrawn by its author.");
    }

    private static void RequireAuthor(ProposalRecord proposal, MemberRecord sender, string action)
    {
        if (sender.Id != proposal.Author)
        {
            throw new TxRejectedException(TxCode.Unauthorized, $"Only the author can {action}.");
        }
    }
}
