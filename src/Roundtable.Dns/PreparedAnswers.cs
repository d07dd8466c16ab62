namespace Roundtable.Dns;

/// <summary>The answers prepared for one name in one form (plain, or signed for queries with the DO bit): by query type, plus the NODATA every absent type gets.</summary>
internal sealed class PreparedAnswers
{
    /// <summary>Wire answers by query type (see <see cref="PreparedAnswer"/>).</summary>
    public Dictionary<ushort, PreparedAnswer> ByType { get; } = [];

    /// <summary>The NODATA answer shared by every absent type, or null where absent types are not simply NODATA.</summary>
    public PreparedAnswer? NoData { get; set; }
}
