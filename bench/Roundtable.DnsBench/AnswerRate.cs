using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Roundtable.Dns;

namespace Roundtable.DnsBench;

/// <summary>
/// The per-query work alone: <see cref="AnswerEngine.Answer"/> over the dnsperf query file's
/// queries, in-process, on one thread, no sockets. Set against the served rate it shows how much of
/// a query's cost is the answer and how much the UDP path around it.
/// </summary>
internal static class AnswerRate
{
    public static int Run(string zonePath, string queryPath, int seconds)
    {
        var engine = new AnswerEngine(new ZoneSet([BenchZone.Read(zonePath)]));
        var queries = File.ReadLines(queryPath).Select(Encode).ToArray();
        var response = new byte[AnswerEngine.ResponseBufferSize];
        long answered = 0, bytes = 0;
        for (var i = 0; i < queries.Length; i++)
        {
            bytes += engine.Answer(queries[i], response, overTcp: false);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        while (clock.Elapsed < limit)
        {
            for (var i = 0; i < queries.Length; i++)
            {
                bytes += engine.Answer(queries[i], response, overTcp: false);
            }

            answered += queries.Length;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"answered {answered:N0} queries in {elapsed:F2} s on one thread: {answered / elapsed:N0} answers/s, {answered / cpuSeconds:N0} per CPU-second ({bytes / Math.Max(1, answered + queries.Length):N0} B average response)"));
        return 0;
    }

    /// <summary>A query packet (no EDNS, RD clear) for a "name type" line of the query file.</summary>
    private static byte[] Encode(string line, int index)
    {
        var parts = line.Split(' ');
        var type = (ushort)Enum.Parse<RecordType>(parts[1]);
        var wire = new List<byte>();
        foreach (var label in parts[0].TrimEnd('.').Split('.'))
        {
            wire.Add((byte)label.Length);
            wire.AddRange(Encoding.ASCII.GetBytes(label));
        }

        wire.Add(0);
        var packet = new byte[12 + wire.Count + 4];
        BinaryPrimitives.WriteUInt16BigEndian(packet, (ushort)index);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), 1);
        wire.CopyTo(packet, 12);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(12 + wire.Count), type);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(14 + wire.Count), 1);
        return packet;
    }
}
