using System.Globalization;

namespace Roundtable.LoadBench;

/// <summary>Whole-machine CPU counters from /proc/stat (all processes, not only ours).</summary>
internal readonly record struct CpuSample(long Busy, long Total)
{
    public static CpuSample Read()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already in user).
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            return new CpuSample(total - idle, total);
        }
        catch (IOException)
        {
            return default;
        }
    }

    /// <summary>Fraction of all cores' time that was busy between two samples.</summary>
    public static double BusyFraction(CpuSample before, CpuSample after) =>
        after.Total == before.Total ? double.NaN : (double)(after.Busy - before.Busy) / (after.Total - before.Total);
}

internal static class Machine
{
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
