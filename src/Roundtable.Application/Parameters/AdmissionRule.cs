namespace Roundtable.Application.Parameters;

/// <summary>How a registered member's stakeholder affiliation becomes verified.</summary>
public enum AdmissionRule : byte
{
    /// <summary>After attestations from enough verified members of the same group.</summary>
    Attestation = 1,

    /// <summary>At registration: for open pilots where affiliation is self-declared.</summary>
    Open = 2,
}
