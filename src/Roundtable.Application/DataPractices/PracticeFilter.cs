using Roundtable.Ledger.DataPractices;

namespace Roundtable.Application.DataPractices;

/// <summary>
/// Which statements a list shows; every criterion given must hold. Only statements in force are
/// listed unless <paramref name="IncludeWithdrawn"/>.
/// </summary>
/// <param name="Region">A region the data is stored or processed in, or null for any.</param>
/// <param name="LegalBasis">The legal basis, or null for any.</param>
/// <param name="Category">A data category the statement names, or null for any.</param>
/// <param name="IncludeWithdrawn">Also list withdrawn statements and those replaced outside the register.</param>
public sealed record PracticeFilter(string? Region = null, string? LegalBasis = null, string? Category = null, bool IncludeWithdrawn = false)
{
    /// <summary>No criterion: every statement in force.</summary>
    public static PracticeFilter All { get; } = new();

    /// <summary>True when <paramref name="entry"/> meets every criterion.</summary>
    public bool Matches(PracticeEntry entry)
    {
        var s = entry.Current.Statement;
        return (IncludeWithdrawn || entry.Standing == PracticeStanding.InForce)
            && (Region is null || s.StoredIn.Contains(Region, StringComparer.Ordinal) || s.ProcessedIn.Contains(Region, StringComparer.Ordinal))
            && (LegalBasis is null || s.LegalBasis == LegalBasis)
            && (Category is null || s.DataCategories.Contains(Category, StringComparer.Ordinal));
    }

    /// <summary>Why a criterion can never match on a chain with <paramref name="regions"/>, or null when all are usable.</summary>
    public string? Problem(IEnumerable<string> regions) =>
        Region is not null && !regions.Contains(Region, StringComparer.Ordinal) ? $"Region '{Region}' is not one of this chain's regions."
        : LegalBasis is not null && !LegalBases.IsKnown(LegalBasis) ? $"Legal basis '{LegalBasis}' is not one of: {string.Join(", ", LegalBases.All)}."
        : Category is not null && !Ledger.Identifier.IsValid(Category) ? $"Data category '{Category}' is not an identifier (a–z, 0–9, '-', starting with a letter)."
        : null;
}
