using System.Buffers.Binary;

namespace Roundtable.Dns;

/// <summary>
/// Builds the wire answers of a zone snapshot once, when the snapshot is made (the NSD/Knot
/// model): for every authoritative name, the answer to each type it holds and one NODATA answer
/// for every other type. They are produced by the same <see cref="Resolver"/> and
/// <see cref="MessageWriter"/> as the answers built per query, so the two cannot disagree.
/// </summary>
internal static class AnswerPreparer
{
    /// <summary>Largest prepared body; larger RRsets make the zone invalid, so every answer fits a TCP message.</summary>
    public const int MaxBody = 60_000;

    public static void Prepare(DnsZone zone)
    {
        var buffer = new byte[ResponseAssembler.BufferSize];
        var resolution = new Resolution();
        var pool = new PreparedAnswerPool();
        foreach (var node in zone.Nodes)
        {
            if (Resolver.FindCut(zone, node.Name.Wire) is not null)
            {
                continue;
            }

            node.Prepared = Prepare(zone, node, dnssec: false, buffer, resolution, pool);
            if (zone.IsSigned)
            {
                node.PreparedSigned = Prepare(zone, node, dnssec: true, buffer, resolution, pool);
            }
        }
    }

    private static PreparedAnswers Prepare(DnsZone zone, ZoneNode node, bool dnssec, byte[] buffer, Resolution resolution, PreparedAnswerPool pool)
    {
        var byType = new PreparedAnswer[node.Sets.Count];
        for (var i = 0; i < byType.Length; i++)
        {
            byType[i] = pool.Intern(Prepare(zone, node, node.Sets[i].Type, dnssec, buffer, resolution));
        }

        // HINFO is never zone data here, so it resolves to the NODATA every absent type gets.
        var noData = node.Get(RecordType.CNAME) is null ? pool.Intern(Prepare(zone, node, RecordType.HINFO, dnssec, buffer, resolution)) : null;
        return new PreparedAnswers(byType, noData);
    }

    private static PreparedAnswer Prepare(DnsZone zone, ZoneNode node, RecordType type, bool dnssec, byte[] buffer, Resolution resolution)
    {
        Resolver.Resolve(zone, node.Name.Wire, type, dnssec, resolution);
        var questionEnd = MessageWriter.QuestionOffset + node.Name.Wire.Length + 4;
        node.Name.Wire.CopyTo(buffer, MessageWriter.QuestionOffset);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(questionEnd - 4), (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(questionEnd - 2), 1);
        Span<int> offsets = stackalloc int[ResponseAssembler.CompressionSlots];
        ushort answers, authority, additional;
        int end;
        try
        {
            var writer = new MessageWriter(buffer, offsets, questionEnd, dnssec);
            answers = writer.Write(resolution.Answer);
            authority = writer.Write(resolution.Authority);
            additional = writer.Write(resolution.Additional);
            end = writer.Position;
        }
        catch (ArgumentException)
        {
            end = int.MaxValue;
            answers = authority = additional = 0;
        }

        if (end - questionEnd > MaxBody)
        {
            throw new DnsZoneException($"the answer for {node.Name} {type} is over {MaxBody} bytes; make the RRset smaller");
        }

        return new PreparedAnswer((ushort)type, resolution.Rcode, resolution.Authoritative, answers, authority, additional, buffer[questionEnd..end]);
    }
}
