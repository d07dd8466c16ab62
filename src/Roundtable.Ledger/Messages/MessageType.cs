namespace Roundtable.Ledger.Messages;

/// <summary>
/// The type tag of a transaction message. Numbers are part of the wire format: never reuse one.
/// Members module: 1–15; governance proposals 16–47; sessions 48–63; working groups 64–79; notary 80–95; names 96–111; disputes 112–127.
/// </summary>
public enum MessageType : ushort
{
    /// <summary><see cref="RegisterMember"/>.</summary>
    RegisterMember = 1,

    /// <summary><see cref="AttestAffiliation"/>.</summary>
    AttestAffiliation = 2,

    /// <summary><see cref="RotateKey"/>.</summary>
    RotateKey = 3,

    /// <summary><see cref="SetGuardians"/>.</summary>
    SetGuardians = 4,

    /// <summary><see cref="ApproveRecovery"/>.</summary>
    ApproveRecovery = 5,

    /// <summary><see cref="CancelRecovery"/>.</summary>
    CancelRecovery = 6,

    /// <summary><see cref="RevokeKey"/>.</summary>
    RevokeKey = 7,

    /// <summary><see cref="Identities.AttestCertificate"/>: affiliation verified by an X.509 certificate.</summary>
    AttestCertificate = 8,

    /// <summary><see cref="Identities.PostRevocationList"/>: a trust service's certificate revocation list.</summary>
    PostRevocationList = 9,

    /// <summary><see cref="PersonalData.WithdrawPersonalField"/>: the owner withdraws a personal field (docs/personal-data.md).</summary>
    WithdrawPersonalField = 10,

    // Governance proposals: 16–47.

    /// <summary><see cref="Governance.SubmitProposal"/>.</summary>
    SubmitProposal = 16,

    /// <summary><see cref="Governance.CommentOnProposal"/>.</summary>
    CommentOnProposal = 17,

    /// <summary><see cref="Governance.ProposeAmendment"/>.</summary>
    ProposeAmendment = 18,

    /// <summary><see cref="Governance.ResolveAmendment"/>.</summary>
    ResolveAmendment = 19,

    /// <summary><see cref="Governance.SponsorProposal"/>.</summary>
    SponsorProposal = 20,

    /// <summary><see cref="Governance.WithdrawProposal"/>.</summary>
    WithdrawProposal = 21,

    /// <summary><see cref="Governance.CastVote"/>.</summary>
    CastVote = 22,

    /// <summary><see cref="Governance.CommitVote"/>.</summary>
    CommitVote = 23,

    /// <summary><see cref="Governance.RevealVote"/>.</summary>
    RevealVote = 24,

    /// <summary><see cref="Governance.RuleOnObjection"/>.</summary>
    RuleOnObjection = 25,

    /// <summary><see cref="Governance.CallConsensus"/>.</summary>
    CallConsensus = 26,

    /// <summary><see cref="Governance.AppealCall"/>.</summary>
    AppealCall = 27,

    // Sessions 48–63, working groups 64–79 (see Messages/Sessions and Messages/WorkingGroups).

    /// <summary><see cref="Sessions.CreateSession"/>.</summary>
    CreateSession = 48,

    /// <summary><see cref="Sessions.SetCheckInCode"/>.</summary>
    SetCheckInCode = 49,

    /// <summary><see cref="Sessions.CheckIn"/>.</summary>
    CheckIn = 50,

    /// <summary><see cref="Sessions.CreatePoll"/>.</summary>
    CreatePoll = 51,

    /// <summary><see cref="Sessions.OpenPoll"/>.</summary>
    OpenPoll = 52,

    /// <summary><see cref="Sessions.ClosePoll"/>.</summary>
    ClosePoll = 53,

    /// <summary><see cref="Sessions.CastPollBallot"/>.</summary>
    CastPollBallot = 54,

    /// <summary><see cref="Sessions.RecordDissent"/>.</summary>
    RecordDissent = 55,

    /// <summary><see cref="WorkingGroups.CreateWorkingGroup"/>.</summary>
    CreateWorkingGroup = 64,

    /// <summary><see cref="WorkingGroups.JoinWorkingGroup"/>.</summary>
    JoinWorkingGroup = 65,

    /// <summary><see cref="WorkingGroups.LeaveWorkingGroup"/>.</summary>
    LeaveWorkingGroup = 66,

    /// <summary><see cref="WorkingGroups.AddWorkingGroupMember"/>.</summary>
    AddWorkingGroupMember = 67,

    /// <summary><see cref="WorkingGroups.AddDeliverable"/>.</summary>
    AddDeliverable = 68,

    /// <summary><see cref="WorkingGroups.ConcludeWorkingGroup"/>.</summary>
    ConcludeWorkingGroup = 69,

    // Notary 80–95 (see Messages/Notary).

    /// <summary><see cref="Notary.AnchorDocument"/>.</summary>
    AnchorDocument = 80,

    /// <summary><see cref="Notary.CosignAnchor"/>.</summary>
    CosignAnchor = 81,

    /// <summary><see cref="Notary.RevokeAnchor"/>.</summary>
    RevokeAnchor = 82,

    /// <summary><see cref="Notary.SupersedeAnchor"/>.</summary>
    SupersedeAnchor = 83,

    // Names 96–111 (see Messages/Names).

    /// <summary><see cref="Names.RegisterName"/>.</summary>
    RegisterName = 96,

    /// <summary><see cref="Names.UpdateName"/>.</summary>
    UpdateName = 97,

    /// <summary><see cref="Names.TransferName"/>.</summary>
    TransferName = 98,

    /// <summary><see cref="Names.AcceptName"/>.</summary>
    AcceptName = 99,

    /// <summary><see cref="Names.RenewName"/>.</summary>
    RenewName = 100,

    // Disputes 112–127 (see Messages/Disputes).

    /// <summary><see cref="Disputes.VolunteerAsArbitrator"/>.</summary>
    VolunteerAsArbitrator = 112,

    /// <summary><see cref="Disputes.FileDispute"/>.</summary>
    FileDispute = 113,

    /// <summary><see cref="Disputes.DeclareConflict"/>.</summary>
    DeclareConflict = 114,

    /// <summary><see cref="Disputes.SubmitStatement"/>.</summary>
    SubmitStatement = 115,

    /// <summary><see cref="Disputes.DecideDispute"/>.</summary>
    DecideDispute = 116,

    /// <summary><see cref="Disputes.AppealDecision"/>.</summary>
    AppealDecision = 117,

    /// <summary><see cref="Disputes.ExecuteRemedy"/>.</summary>
    ExecuteRemedy = 118,

    // Data-practice register 128–143 (see Messages/DataPractices).

    /// <summary><see cref="DataPractices.PublishPracticeStatement"/>.</summary>
    PublishPracticeStatement = 128,

    /// <summary><see cref="DataPractices.RevisePracticeStatement"/>.</summary>
    RevisePracticeStatement = 129,

    /// <summary><see cref="DataPractices.CommentOnPracticeStatement"/>.</summary>
    CommentOnPracticeStatement = 130,
}
