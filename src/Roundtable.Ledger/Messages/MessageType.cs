namespace Roundtable.Ledger.Messages;

/// <summary>
/// The type tag of a transaction message. Numbers are part of the wire format: never reuse one.
/// Members module: 1–15.
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
}
