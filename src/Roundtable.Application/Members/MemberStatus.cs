namespace Roundtable.Application.Members;

/// <summary>Whether a member's current key may sign.</summary>
public enum MemberStatus : byte
{
    /// <summary>The current key signs for the member.</summary>
    Active = 1,

    /// <summary>The member revoked its key; only guardians can move it to a new one.</summary>
    KeyRevoked = 2,
}
