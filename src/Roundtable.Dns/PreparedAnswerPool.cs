namespace Roundtable.Dns;

/// <summary>
/// Hands out one instance per distinct prepared answer while a zone is built. A body's compression
/// pointers depend only on the length of the question's name, so names of one length under one
/// origin share their NODATA answer (and any other answer that comes out byte for byte equal):
/// in a zone of many names this is most of what the negative answers would otherwise cost.
/// </summary>
internal sealed class PreparedAnswerPool
{
    private readonly HashSet<PreparedAnswer> answers = new(SameAnswer.Instance);

    public PreparedAnswer Intern(PreparedAnswer answer)
    {
        if (answers.TryGetValue(answer, out var existing))
        {
            return existing;
        }

        answers.Add(answer);
        return answer;
    }

    private sealed class SameAnswer : IEqualityComparer<PreparedAnswer>
    {
        public static readonly SameAnswer Instance = new();

        public bool Equals(PreparedAnswer? x, PreparedAnswer? y) =>
            x is not null && y is not null
            && x.QueryType == y.QueryType && x.Rcode == y.Rcode && x.Authoritative == y.Authoritative
            && x.AnswerCount == y.AnswerCount && x.AuthorityCount == y.AuthorityCount && x.AdditionalCount == y.AdditionalCount
            && x.Body.AsSpan().SequenceEqual(y.Body);

        public int GetHashCode(PreparedAnswer obj)
        {
            var hash = new HashCode();
            hash.Add(obj.QueryType);
            hash.Add(obj.Rcode);
            hash.Add(obj.AnswerCount);
            hash.Add(obj.AuthorityCount);
            hash.AddBytes(obj.Body);
            return hash.ToHashCode();
        }
    }
}
