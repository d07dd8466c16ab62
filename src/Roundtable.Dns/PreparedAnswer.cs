namespace Roundtable.Dns;

/// <summary>
/// A response prepared when the zone snapshot is built, for a question whose name equals a zone
/// node exactly: the flags and counts plus the bytes after the question. Compression pointers in
/// <see cref="Body"/> point into the question at offset 12, which holds a name of the same length
/// as the node's (a case variant of it), so the body is valid for every query of that name. Equal answers (the NODATA of every name of
/// one length, say) are one shared instance: see <see cref="PreparedAnswerPool"/>.
/// </summary>
internal sealed class PreparedAnswer
{
    public PreparedAnswer(ushort queryType, byte rcode, bool authoritative, ushort answerCount, ushort authorityCount, ushort additionalCount, byte[] body)
    {
        QueryType = queryType;
        Rcode = rcode;
        Authoritative = authoritative;
        AnswerCount = answerCount;
        AuthorityCount = authorityCount;
        AdditionalCount = additionalCount;
        Body = body;
    }

    /// <summary>The query type this answers (HINFO for the NODATA every absent type shares).</summary>
    public ushort QueryType { get; }

    public byte Rcode { get; }

    public bool Authoritative { get; }

    public ushort AnswerCount { get; }

    public ushort AuthorityCount { get; }

    public ushort AdditionalCount { get; }

    public byte[] Body { get; }
}
