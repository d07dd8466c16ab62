namespace Roundtable.Application.Execution;

/// <summary>Outcome classes of a transaction. The names appear in the API; never renumber.</summary>
public enum TxCode
{
    /// <summary>Executed; its writes are in the state.</summary>
    Ok = 0,

    /// <summary>The transaction is for another chain.</summary>
    WrongChain = 1,

    /// <summary>The signature does not verify.</summary>
    BadSignature = 2,

    /// <summary>Past its expiry height.</summary>
    Expired = 3,

    /// <summary>The sequence is not the sender's next one.</summary>
    BadSequence = 4,

    /// <summary>The sender key belongs to no member (and the message is not a registration).</summary>
    UnknownSender = 5,

    /// <summary>The sender key was revoked or rotated away.</summary>
    KeyNotCurrent = 6,

    /// <summary>The sender may not do this.</summary>
    Unauthorized = 7,

    /// <summary>A referenced record does not exist.</summary>
    NotFound = 8,

    /// <summary>The thing to create exists already.</summary>
    AlreadyExists = 9,

    /// <summary>An argument breaks a rule of the message.</summary>
    InvalidArgument = 10,

    /// <summary>The encoding was refused.</summary>
    Malformed = 11,

    /// <summary>Too large, or a limit of the mempool was reached.</summary>
    Oversize = 12,

    /// <summary>The same transaction is already pending or committed.</summary>
    Duplicate = 13,

    /// <summary>A passkey signature made for a site (relying-party id) the chain's parameters do not allow.</summary>
    RelyingPartyNotAllowed = 14,

    // Governance: 20–29.

    /// <summary>The proposal is not in the phase that allows this (e.g. voting outside the voting period).</summary>
    WrongPhase = 20,

    /// <summary>The message's module is paused by an emergency proposal.</summary>
    ModulePaused = 21,

    // Identities: 30–39.

    /// <summary>A certificate, certificate path or revocation list did not verify (the reason says which check failed).</summary>
    CertificateRefused = 30,

    // Disputes: 40–49.

    /// <summary>The decision orders a remedy the dispute's rules do not list, or one that does not fit its subject.</summary>
    RemedyNotAllowed = 40,

    /// <summary>A decision is signed by no more than half of the panel.</summary>
    PanelMajorityMissing = 41,

    // Personal data beside the chain: 50–59 (docs/personal-data.md).

    /// <summary>No personal field has the commitment named.</summary>
    UnknownPersonalField = 50,

    /// <summary>The personal field was already withdrawn by its owner.</summary>
    AlreadyWithdrawn = 51,

    /// <summary>A commitment already on record is carried again (a fresh salt never repeats one).</summary>
    CommitmentReused = 52,

    // Assessments: 60–69.

    /// <summary>An assessment's criteria list names no recommendation proposal.</summary>
    CriteriaListUnknown = 60,

    /// <summary>An assessment's criteria list is a recommendation that has not passed (or was cancelled).</summary>
    CriteriaListNotAdopted = 61,

    /// <summary>An assessment's subject is not an active notary anchor (never anchored, revoked or superseded).</summary>
    AssessmentSubjectUnknown = 62,

    /// <summary>A grade ballot does not give one grade on the proposal's scale to each criterion.</summary>
    GradesDoNotFit = 63,

    // Data-practice register: 70–79.

    /// <summary>A practice statement names a legal basis that is not in the fixed list (the reason gives the list).</summary>
    UnknownLegalBasis = 70,

    /// <summary>A practice statement names a region that is not one of the chain's regions.</summary>
    UnknownRegion = 71,

    /// <summary>A practice statement's transfer names a basis that is not in the fixed list (the reason gives the list).</summary>
    UnknownTransferBasis = 72,
}
