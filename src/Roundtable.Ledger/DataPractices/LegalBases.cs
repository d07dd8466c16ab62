namespace Roundtable.Ledger.DataPractices;

/// <summary>
/// The fixed vocabularies of a practice statement, so the register can be filtered and counted
/// without guessing what free text meant. The application refuses a statement naming anything
/// else (with the list), so adding a value is a protocol change. See docs/data-practices.md.
/// </summary>
public static class LegalBases
{
    /// <summary>
    /// Legal bases for processing, after the six lawful bases of GDPR Article 6(1) (a)–(f), which most
    /// data-protection laws mirror.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
        ["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"];

    /// <summary>
    /// Bases for a transfer to another region: an adequacy decision, contractual safeguards (standard
    /// clauses), binding corporate rules, the person's explicit consent, a derogation for a specific
    /// situation (a contract with the person, public interest, legal claims, vital interests), or none
    /// needed (the recipient is under the same law).
    /// </summary>
    public static IReadOnlyList<string> Transfers { get; } =
        ["adequacy", "contractual-clauses", "corporate-rules", "explicit-consent", "derogation", "same-law"];

    /// <summary>True when <paramref name="basis"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string basis) => All.Contains(basis, StringComparer.Ordinal);

    /// <summary>True when <paramref name="basis"/> is one of <see cref="Transfers"/>.</summary>
    public static bool IsKnownTransfer(string basis) => Transfers.Contains(basis, StringComparer.Ordinal);
}
