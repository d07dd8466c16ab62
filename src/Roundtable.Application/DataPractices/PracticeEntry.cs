using Roundtable.Ledger.Notary;

namespace Roundtable.Application.DataPractices;

/// <summary>Where a statement stands, read from its current version's anchor.</summary>
public enum PracticeStanding
{
    /// <summary>The current version's anchor is active: the statement describes the practice today.</summary>
    InForce,

    /// <summary>The current version's anchor was revoked (by its author, or by a proposal): the practice is no longer stated.</summary>
    Withdrawn,

    /// <summary>The current version's anchor was superseded through the notary by an anchor that is not a version of this statement.</summary>
    ReplacedOutsideRegister,
}

/// <summary>A statement in the register: its head, its current version and that version's anchor.</summary>
/// <param name="Head">The statement.</param>
/// <param name="Current">Its newest version.</param>
/// <param name="Anchor">The notary's anchor of that version.</param>
public sealed record PracticeEntry(PracticeHead Head, PracticeVersion Current, AnchorRecord Anchor)
{
    /// <summary>In force, withdrawn, or replaced outside the register.</summary>
    public PracticeStanding Standing => Anchor.Status switch
    {
        AnchorStatus.Active => PracticeStanding.InForce,
        AnchorStatus.Revoked => PracticeStanding.Withdrawn,
        _ => PracticeStanding.ReplacedOutsideRegister,
    };

    /// <summary>"in-force", "withdrawn" or "replaced-outside-register".</summary>
    public static string Name(PracticeStanding standing) => standing switch
    {
        PracticeStanding.InForce => "in-force",
        PracticeStanding.Withdrawn => "withdrawn",
        _ => "replaced-outside-register",
    };
}
