namespace Roundtable.Proofs.Verification;

/// <summary>How one stakeholder group's validators signed a commit.</summary>
/// <param name="Group">The stakeholder group id.</param>
/// <param name="Signers">Validators of the group whose signature verified.</param>
/// <param name="Validators">Validators of the group in the set.</param>
/// <param name="SignedPower">Power of the signers.</param>
/// <param name="GroupPower">Power of the whole group.</param>
public sealed record SignerGroup(string Group, int Signers, int Validators, ulong SignedPower, ulong GroupPower);
