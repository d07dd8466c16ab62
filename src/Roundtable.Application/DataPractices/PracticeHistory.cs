using Roundtable.Ledger.Notary;

namespace Roundtable.Application.DataPractices;

/// <summary>A version of a statement with the notary's anchor of it (status, co-signers, supersession).</summary>
/// <param name="Version">The version.</param>
/// <param name="Anchor">Its anchor.</param>
public sealed record PracticeVersionRecord(PracticeVersion Version, AnchorRecord Anchor);

/// <summary>A statement with everything the register knows about it.</summary>
/// <param name="Entry">The statement and its current version.</param>
/// <param name="Versions">Every version, newest first.</param>
/// <param name="Comments">Comments on any version, in the order they were made.</param>
/// <param name="Disputes">Disputes about any version (<see cref="PracticeDisputes"/>).</param>
public sealed record PracticeHistory(
    PracticeEntry Entry,
    IReadOnlyList<PracticeVersionRecord> Versions,
    IReadOnlyList<PracticeComment> Comments,
    IReadOnlyList<PracticeDispute> Disputes)
{
    /// <summary>
    /// "in-force" (its anchor is active), "superseded" (by a later version of this statement),
    /// "withdrawn" (its anchor was revoked) or "replaced-outside-register" (superseded through the
    /// notary by an anchor that is not a version of this statement).
    /// </summary>
    public string StatusOf(PracticeVersionRecord version) => version.Anchor.Status switch
    {
        AnchorStatus.Active => PracticeEntry.Name(PracticeStanding.InForce),
        AnchorStatus.Revoked => PracticeEntry.Name(PracticeStanding.Withdrawn),
        _ when Versions.Any(v => v.Version.Digest == version.Anchor.Replacement) => "superseded",
        _ => PracticeEntry.Name(PracticeStanding.ReplacedOutsideRegister),
    };
}
