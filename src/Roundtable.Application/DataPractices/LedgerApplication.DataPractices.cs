using Roundtable.Application.DataPractices;
using Roundtable.Core.Hashing;

namespace Roundtable.Application;

/// <summary>Read-only queries of the data-practice register.</summary>
public sealed partial class LedgerApplication
{
    /// <summary>The statements <paramref name="filter"/> admits, in statement-id order.</summary>
    public IReadOnlyList<PracticeEntry> ListPracticeStatements(PracticeFilter filter) => PracticeRegister.List(_map, filter);

    /// <summary>The statement named by its id or any version's digest, with its versions, comments and disputes; or null.</summary>
    public PracticeHistory? GetPracticeStatement(Hash256 digest) => PracticeRegister.History(_map, digest, LastBlockTimeMs);

    /// <summary>The version whose digest is <paramref name="digest"/> (its document is what the notary anchored), or null.</summary>
    public PracticeVersion? GetPracticeVersion(Hash256 digest) => DataPracticesModule.GetVersion(Committed, digest);

    /// <summary>Organisations storing and processing data in each of the chain's regions, over statements in force.</summary>
    public IReadOnlyList<RegionFigures> CountPracticesByRegion() =>
        RegionFigures.Count(Parameters.Regions.Select(r => r.Id), ListPracticeStatements(PracticeFilter.All));
}
