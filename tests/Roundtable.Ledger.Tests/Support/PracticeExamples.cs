using Roundtable.Ledger.DataPractices;

namespace Roundtable.Tests.Support;

/// <summary>The practice statement the register's tests publish (the test vector's statement in docs/data-practices.md).</summary>
public static class PracticeExamples
{
    /// <summary>A member directory, stored in one region, processed in two, hosted in a third.</summary>
    public static PracticeStatement Directory { get; } = new(
        "Member directory",
        ["contact-details", "organisation"],
        "To let members find and contact each other.",
        "legitimate-interests",
        "Until membership ends, then 30 days.",
        ["western-europe-others"],
        ["africa", "western-europe-others"],
        [new DataTransfer("asia-pacific", "Hosting provider", "contractual-clauses")],
        "privacy@example.org");
}
