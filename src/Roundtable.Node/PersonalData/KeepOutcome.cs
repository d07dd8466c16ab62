namespace Roundtable.Node.PersonalData;

/// <summary>What became of a disclosure handed to the <see cref="PersonalDataStore"/>.</summary>
public enum KeepOutcome
{
    /// <summary>Newly stored.</summary>
    Stored = 1,

    /// <summary>The store held it already.</summary>
    AlreadyHeld = 2,

    /// <summary>Its field was withdrawn meanwhile: not stored.</summary>
    Withdrawn = 3,
}
