namespace Roundtable.Application.PersonalData;

/// <summary>Whether a node can show a personal field's value.</summary>
public enum PersonalFieldAvailability
{
    /// <summary>The field stands and this node holds its value.</summary>
    Available = 1,

    /// <summary>The field stands but this node never received its value (or the commitment is unknown).</summary>
    NotAvailable = 2,

    /// <summary>The owner withdrew the field; no node serves its value any more.</summary>
    Withdrawn = 3,
}
