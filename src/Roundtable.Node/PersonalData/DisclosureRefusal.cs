namespace Roundtable.Node.PersonalData;

/// <summary>Why a node refuses to keep a disclosure (docs/personal-data.md).</summary>
public enum DisclosureRefusal
{
    /// <summary>The value and salt do not open the commitment.</summary>
    Mismatch = 1,

    /// <summary>The commitment is on record for another field name.</summary>
    WrongField = 2,

    /// <summary>No committed transaction carries the commitment (yet).</summary>
    UnknownField = 3,

    /// <summary>The owner withdrew the field.</summary>
    Withdrawn = 4,
}
