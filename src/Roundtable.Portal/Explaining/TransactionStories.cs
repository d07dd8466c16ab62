using Roundtable.Application;
using Roundtable.Application.Execution;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.DataPractices;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Messages.Identities;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Messages.Notary;
using Roundtable.Ledger.Messages.Sessions;
using Roundtable.Ledger.Messages.WorkingGroups;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Portal.Explaining;

/// <summary>Tells what a transaction did, naming its sender and its subject from committed state.</summary>
public static class TransactionStories
{
    /// <summary>The story of <paramref name="tx"/>, read against <paramref name="app"/> (call inside a query).</summary>
    public static TransactionStory Tell(LedgerApplication app, Transaction tx, TxResult? result) =>
        new(tx.Hash, tx.Message.Type, app.GetMember(tx.Sender.Id), SubjectOf(app, tx.Message), result);

    private static StorySubject? SubjectOf(LedgerApplication app, TxMessage message) => message switch
    {
        AttestAffiliation m => Member(app, m.Member),
        ApproveRecovery m => Member(app, m.Member),
        AttestCertificate m => new StorySubject(m.Anchor, null),
        PostRevocationList m => new StorySubject(m.Anchor, null),
        SubmitProposal m => new StorySubject(m.Title, null),
        CommentOnProposal m => Proposal(app, m.Proposal),
        ProposeAmendment m => Proposal(app, m.Proposal),
        ResolveAmendment m => Proposal(app, m.Proposal),
        SponsorProposal m => Proposal(app, m.Proposal),
        WithdrawProposal m => Proposal(app, m.Proposal),
        CastVote m => Proposal(app, m.Proposal),
        CommitVote m => Proposal(app, m.Proposal),
        RevealVote m => Proposal(app, m.Proposal),
        RuleOnObjection m => Proposal(app, m.Proposal),
        CallConsensus m => Proposal(app, m.Proposal),
        AppealCall m => Proposal(app, m.Proposal),
        CreateSession m => new StorySubject(m.Title, null),
        SetCheckInCode m => Session(app, m.Session),
        CheckIn m => Session(app, m.Session),
        CreatePoll m => Session(app, m.Session),
        OpenPoll m => Session(app, m.Session),
        ClosePoll m => Session(app, m.Session),
        CastPollBallot m => Session(app, m.Session),
        RecordDissent m => Session(app, m.Session),
        CreateWorkingGroup m => new StorySubject(m.Name, null),
        JoinWorkingGroup m => WorkingGroup(app, m.Group),
        LeaveWorkingGroup m => WorkingGroup(app, m.Group),
        AddWorkingGroupMember m => WorkingGroup(app, m.Group),
        AddDeliverable m => WorkingGroup(app, m.Group),
        ConcludeWorkingGroup m => WorkingGroup(app, m.Group),
        AnchorDocument m => Anchor(app, m.Digest),
        CosignAnchor m => Anchor(app, m.Digest),
        RevokeAnchor m => Anchor(app, m.Digest),
        SupersedeAnchor m => Anchor(app, m.Digest),
        RegisterName m => Name(m.Zone, m.Label),
        UpdateName m => Name(m.Zone, m.Label),
        TransferName m => Name(m.Zone, m.Label),
        AcceptName m => Name(m.Zone, m.Label),
        RenewName m => Name(m.Zone, m.Label),
        PublishPracticeStatement m => new StorySubject(m.Statement.Title, null),
        RevisePracticeStatement m => Practice(app, m.Previous),
        CommentOnPracticeStatement m => Practice(app, m.Version),
        _ => null,
    };

    private static StorySubject? Member(LedgerApplication app, Hash256 id) =>
        app.GetMember(id) is { } member ? new StorySubject(member.DisplayName, null) : null;

    private static StorySubject? Proposal(LedgerApplication app, Hash256 id) =>
        app.GetProposal(id) is { } proposal ? new StorySubject(proposal.Title, $"/proposals/{id}") : null;

    private static StorySubject? Session(LedgerApplication app, Hash256 id) =>
        app.GetSession(id) is { } session ? new StorySubject(session.Session.Definition.Title, $"/sessions/{id}") : null;

    private static StorySubject? WorkingGroup(LedgerApplication app, Hash256 id) =>
        app.GetWorkingGroup(id) is { } group ? new StorySubject(group.Name, null) : null;

    // The name as written in the transaction: a story tells what was asked, even when it was refused.
    private static StorySubject Name(string zone, string label) => new(label + "." + zone, null);

    private static StorySubject? Practice(LedgerApplication app, Hash256 version) =>
        app.GetPracticeStatement(version) is { } history ? new StorySubject(history.Entry.Current.Statement.Title, $"/practices/{history.Entry.Head.Id}") : null;

    private static StorySubject? Anchor(LedgerApplication app, Hash256 digest) =>
        app.GetAnchor(digest) is { } anchor ? new StorySubject(anchor.Metadata.Title, $"/anchors/{digest}") : null;
}
