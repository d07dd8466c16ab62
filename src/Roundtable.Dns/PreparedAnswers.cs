namespace Roundtable.Dns;

/// <summary>The answers prepared for one name in one form (plain, or signed for queries with the DO bit): by query type, plus the NODATA every absent type gets.</summary>
internal sealed class PreparedAnswers
{
    private readonly PreparedAnswer[] byType;

    public PreparedAnswers(PreparedAnswer[] byType, PreparedAnswer? noData)
    {
        this.byType = byType;
        NoData = noData;
    }

    /// <summary>The NODATA answer shared by every absent type, or null where absent types are not simply NODATA.</summary>
    public PreparedAnswer? NoData { get; }

    /// <summary>The answer prepared for exactly this query type, if any. A name holds a few types, so a scan beats a hash.</summary>
    public PreparedAnswer? Find(ushort queryType)
    {
        foreach (var answer in byType)
        {
            if (answer.QueryType == queryType)
            {
                return answer;
            }
        }

        return null;
    }
}
