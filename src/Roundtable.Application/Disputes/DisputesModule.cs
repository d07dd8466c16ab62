using Roundtable.Application.Execution;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Members;
using Roundtable.Application.Names;
using Roundtable.Application.Notary;
using Roundtable.Application.Parameters;
using Roundtable.Application.State;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Disputes;

namespace Roundtable.Application.Disputes;

/// <summary>
/// Disputes (message types 112–127): the roster of volunteer arbitrators, filing, the seeded panel
/// draw, statements, the panel's signed decision, appeal to a balanced vote, and remedies carried
/// out by later transactions. Pure: reads and writes only the state view. See docs/disputes.md.
/// </summary>
public static class DisputesModule
{
    /// <summary>True for the messages this module executes.</summary>
    public static bool Handles(MessageType type) => type is >= MessageType.VolunteerAsArbitrator and <= (MessageType)127;

    /// <summary>A dispute, or null.</summary>
    public static DisputeRecord? Get(StateView state, Hash256 id) => state.Get<DisputeRecord>(DisputeKeys.Dispute(id));

    /// <summary>The status of the dispute's appeal vote, or null when not appealed.</summary>
    public static ProposalStatus? AppealStatus(StateView state, DisputeRecord dispute) =>
        dispute.AppealProposal is { } id ? ProposalStore.Get(state, id)?.Status : null;

    /// <summary>The dispute's phase at block time <paramref name="nowMs"/>.</summary>
    public static DisputePhase PhaseOf(StateView state, DisputeRecord dispute, ulong nowMs) =>
        DisputePhases.Of(dispute, nowMs, AppealStatus(state, dispute));

    /// <summary>The disputes about the anchor, member or decision <paramref name="subject"/>, in dispute-id order.</summary>
    public static IReadOnlyList<DisputeRecord> About(StateView state, Hash256 subject) =>
        [.. state.ScanPrefix(DisputeKeys.AboutPrefix(subject))
            .Select(e => Get(state, Hash256.Parse(System.Text.Encoding.ASCII.GetString(e.Key.AsSpan(e.Key.Length - 64))))
                ?? throw new InvalidOperationException("The subject index names a missing dispute."))];

    /// <summary>The suspension of <paramref name="member"/>'s right to vote in force at <paramref name="nowMs"/>, or null.</summary>
    public static VotingSuspension? VotingSuspendedAt(StateView state, Hash256 member, ulong nowMs) =>
        state.Get<VotingSuspension>(DisputeKeys.VotingSuspension(member)) is { } s && nowMs < s.UntilMs ? s : null;

    /// <summary>Executes one dispute message.</summary>
    public static void Execute(TxContext ctx, TxMessage message)
    {
        switch (message)
        {
            case VolunteerAsArbitrator m: Volunteer(ctx, m); break;
            case FileDispute m: File(ctx, m); break;
            case DeclareConflict m: DeclareConflict(ctx, m); break;
            case SubmitStatement m: Statement(ctx, m); break;
            case DecideDispute m: DisputeDecisions.Decide(ctx, m); break;
            case AppealDecision m: DisputeAppeals.Appeal(ctx, m); break;
            case ExecuteRemedy m: DisputeRemedies.Execute(ctx, m); break;
            default: throw new TxRejectedException(TxCode.InvalidArgument, $"The disputes module does not handle {message.Type}.");
        }
    }

    /// <summary>
    /// Draws the panels due at block <paramref name="height"/>, seeded by <paramref name="previousBlockId"/>
    /// (the id of block <paramref name="height"/> − 1, fixed after the filing and chosen by nobody alone).
    /// Runs before the block's transactions.
    /// </summary>
    public static void DrawDue(StateView state, ulong height, ulong timeMs, Hash256 previousBlockId, ChainParameters parameters)
    {
        var due = state.EnumerateCommitted(DisputeKeys.DrawPrefix)
            .Select(e => (e.Key, Entry: DisputeKeys.ParseDraw(e.Key)))
            .TakeWhile(e => e.Entry.Height <= height)
            .ToList();
        foreach (var (key, entry) in due)
        {
            state.Delete(key);
            var dispute = Get(state, entry.Dispute) ?? throw new InvalidOperationException($"Draw queue names missing dispute {entry.Dispute}.");
            var candidates = Candidates(state, dispute);
            var groups = parameters.StakeholderGroups.Select(g => g.Id).ToList();
            var panel = PanelDraw.Seat(dispute.Id, previousBlockId, candidates, groups, dispute.Rules.PanelSize);
            var failure = panel.Count >= dispute.Rules.MinPanelSize
                ? string.Empty
                : $"Only {panel.Count} arbitrator(s) could be drawn; the rules need at least {dispute.Rules.MinPanelSize}.";
            var record = new PanelRecord(height - 1, previousBlockId, candidates, failure.Length == 0 ? panel : [], height, timeMs, failure);
            state.Put(DisputeKeys.Dispute(dispute.Id), dispute with { Panel = record });
        }
    }

    /// <summary>Loads a dispute or refuses.</summary>
    internal static DisputeRecord Require(StateView state, Hash256 id) =>
        Get(state, id) ?? throw new TxRejectedException(TxCode.NotFound, $"There is no dispute {id.ToShortString()}.");

    /// <summary>Writes a dispute.</summary>
    internal static void Put(StateView state, DisputeRecord dispute) => state.Put(DisputeKeys.Dispute(dispute.Id), dispute);

    /// <summary>Refuses unless the dispute is in <paramref name="expected"/>, saying where it stands and until when.</summary>
    internal static void RequirePhase(TxContext ctx, DisputeRecord dispute, DisputePhase expected, string action)
    {
        var phase = PhaseOf(ctx.State, dispute, ctx.TimeMs);
        if (phase == expected)
        {
            return;
        }

        var detail = phase switch
        {
            DisputePhase.AwaitingPanel => "its panel is not drawn yet",
            DisputePhase.Statements => $"statements are open until block time {dispute.StatementsEndMs} ms",
            DisputePhase.Deliberation when expected == DisputePhase.Statements => $"the statement phase ended at block time {dispute.StatementsEndMs} ms",
            DisputePhase.Deliberation => "the panel has not decided",
            DisputePhase.AppealWindow => $"the appeal window is open until block time {dispute.AppealEndMs} ms",
            DisputePhase.Lapsed => $"the deadline for a decision passed at block time {dispute.DecisionDeadlineMs} ms",
            DisputePhase.RemedyDue when expected == DisputePhase.AppealWindow => $"the appeal window closed at block time {dispute.AppealEndMs} ms",
            DisputePhase.Overturned => "the appeal vote rejected the remedy, which therefore never executes",
            DisputePhase.Closed => "the decision ordered nothing",
            _ => "it is " + phase.Name(),
        };
        throw new TxRejectedException(TxCode.WrongPhase, $"Cannot {action} in dispute {dispute.Id.ToShortString()}: {detail}.");
    }

    private static void Volunteer(TxContext ctx, VolunteerAsArbitrator m)
    {
        var sender = ProposalStore.RequireVerified(ctx, "serve as arbitrators");
        var key = DisputeKeys.Arbitrator(sender.Id);
        var serving = ctx.State.Contains(key);
        if (serving == m.Serving)
        {
            throw new TxRejectedException(TxCode.Duplicate, m.Serving ? "You are already on the roster of arbitrators." : "You are not on the roster of arbitrators.");
        }

        if (!m.Serving)
        {
            ctx.State.Delete(key);
            return;
        }

        if (ctx.State.ScanPrefix(DisputeKeys.RosterPrefix).Count >= PanelRecord.MaxCandidates)
        {
            throw new TxRejectedException(TxCode.Oversize, $"The roster of arbitrators is full ({PanelRecord.MaxCandidates} volunteers).");
        }

        ctx.State.Put(key, new ArbitratorEntry(sender.Id, ctx.Height));
    }

    private static void File(TxContext ctx, FileDispute m)
    {
        var claimant = ProposalStore.RequireVerified(ctx, "file disputes");
        var respondent = RespondentOf(ctx.State, m.Subject);
        if (respondent == claimant.Id)
        {
            throw new TxRejectedException(TxCode.InvalidArgument, $"You answer for {m.Subject} yourself: a member cannot file a dispute against themself.");
        }

        var id = DisputeId.For(claimant.Id, claimant.Sequence - 1);
        var dispute = new DisputeRecord(
            id, claimant.Id, respondent, m.Subject, m.Claim, m.Evidence, ctx.Parameters.DisputeRulesInForce, ctx.Height, ctx.TimeMs,
            [], null, 0, null, null, 0);
        Put(ctx.State, dispute);
        if (m.Subject.Kind != DisputeSubjectKind.Name)
        {
            ctx.State.Put(DisputeKeys.About(m.Subject.Id, id), IndexMark.Instance);
        }

        // The seed is the next block's id, which appears in the header of the block after it.
        ctx.State.Put(DisputeKeys.Draw(dispute.SeedHeight + 1, id), IndexMark.Instance);
    }

    /// <summary>The member who answers for the subject; refuses a subject that does not exist.</summary>
    private static Hash256 RespondentOf(StateView state, DisputeSubject subject)
    {
        switch (subject.Kind)
        {
            case DisputeSubjectKind.Name:
                return (NamesModule.GetName(state, subject.Zone, subject.Label)
                    ?? throw new TxRejectedException(TxCode.NotFound, $"There is no name {subject.Label}.{subject.Zone}.")).Holder;
            case DisputeSubjectKind.Anchor:
                return (NotaryModule.GetAnchor(state, subject.Id)
                    ?? throw new TxRejectedException(TxCode.NotFound, $"No document with digest {subject.Id.ToShortString()} is anchored.")).Author.Member;
            case DisputeSubjectKind.Member:
                return (MembersModule.GetMember(state, subject.Id)
                    ?? throw new TxRejectedException(TxCode.NotFound, $"There is no member {subject.Id.ToShortString()}.")).Id;
            default:
                var proposal = ProposalStore.Get(state, subject.Id)
                    ?? throw new TxRejectedException(TxCode.NotFound, $"There is no proposal {subject.Id.ToShortString()}.");
                return proposal.Status == ProposalStatus.Executed
                    ? proposal.Author
                    : throw new TxRejectedException(TxCode.InvalidArgument, $"Proposal {proposal.Id.ToShortString()} is {proposal.Status.Name()}: only an executed decision can be disputed.");
        }
    }

    private static void DeclareConflict(TxContext ctx, DeclareConflict m)
    {
        var sender = ctx.RequireSender();
        var dispute = Require(ctx.State, m.Dispute);
        if (dispute.IsParty(sender.Id))
        {
            throw new TxRejectedException(TxCode.InvalidArgument, "The parties are never drawn for their own dispute; there is no conflict to declare.");
        }

        if (dispute.Conflicts.Contains(sender.Id))
        {
            throw new TxRejectedException(TxCode.AlreadyExists, "You already declared a conflict in this dispute.");
        }

        var onPanel = dispute.Panel?.Members.Contains(sender.Id) ?? false;
        if (!onPanel && !ctx.State.Contains(DisputeKeys.Arbitrator(sender.Id)))
        {
            throw new TxRejectedException(TxCode.NotFound, "You are neither a volunteer arbitrator nor on this dispute's panel.");
        }

        if (dispute.Decision is not null || PhaseOf(ctx.State, dispute, ctx.TimeMs) is not (DisputePhase.AwaitingPanel or DisputePhase.Statements or DisputePhase.Deliberation))
        {
            throw new TxRejectedException(TxCode.WrongPhase, "The panel's work on this dispute is over; a conflict can be declared only before the decision.");
        }

        if (dispute.Conflicts.Count >= DisputeRecord.MaxConflicts)
        {
            throw new TxRejectedException(TxCode.Oversize, $"This dispute has the most conflicts kept ({DisputeRecord.MaxConflicts}).");
        }

        var conflicts = SortedHashes.With(dispute.Conflicts, sender.Id);
        var updated = dispute with { Conflicts = conflicts };
        if (onPanel && dispute.Panel is { } panel)
        {
            var replacement = PanelDraw.Replacement(dispute.Id, panel.SeedBlockId, panel.Candidates, panel.Members, conflicts, sender.Id);
            var members = panel.Members.Where(p => p != sender.Id).ToList();
            updated = updated with { Panel = panel with { Members = replacement is { } r ? SortedHashes.With(members, r) : members } };
        }

        Put(ctx.State, updated);
    }

    private static void Statement(TxContext ctx, SubmitStatement m)
    {
        var sender = ctx.RequireSender();
        var dispute = Require(ctx.State, m.Dispute);
        if (!dispute.IsParty(sender.Id))
        {
            throw new TxRejectedException(TxCode.Unauthorized, "Only the claimant and the respondent make statements in a dispute.");
        }

        RequirePhase(ctx, dispute, DisputePhase.Statements, "make a statement");
        if (dispute.Statements >= DisputeRecord.MaxStatements)
        {
            throw new TxRejectedException(TxCode.Oversize, $"This dispute has the most statements kept ({DisputeRecord.MaxStatements}).");
        }

        ctx.State.Put(DisputeKeys.Statement(dispute.Id, dispute.Statements), new StatementRecord(sender.Id, m.Text, m.Evidence, ctx.Height, ctx.TimeMs));
        Put(ctx.State, dispute with { Statements = dispute.Statements + 1 });
    }

    /// <summary>The eligible volunteers for <paramref name="dispute"/>: on the roster, verified and active, not a party, no conflict declared; by member id.</summary>
    private static IReadOnlyList<Candidate> Candidates(StateView state, DisputeRecord dispute) =>
        [.. state.ScanPrefix(DisputeKeys.RosterPrefix)
            .Select(e => Canonical.FromBytes<ArbitratorEntry>(e.Value).Member)
            .Where(id => !dispute.IsParty(id) && !dispute.Conflicts.Contains(id))
            .Select(id => MembersModule.GetMember(state, id))
            .OfType<MemberRecord>()
            .Where(member => member.IsVerified && member.IsActive)
            .Select(member => new Candidate(member.Id, member.StakeholderGroup))
            .OrderBy(c => c.Member)];
}
