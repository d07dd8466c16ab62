namespace Roundtable.Dns;

/// <summary>
/// The IXFR history of every zone: the differences between successive published versions, oldest
/// first, bounded per zone by entry count and bytes (the oldest go first). A gap (a zone missing
/// from a published set, or a serial that did not move forward) clears the zone's history, so a
/// path through the journal is always continuous. Written by <see cref="AnswerEngine.Publish"/>,
/// read by transfers on other threads, which copy a zone's list under the one lock.
/// </summary>
internal sealed class ZoneJournal
{
    private readonly int maxEntries;
    private readonly long maxBytes;
    private readonly Dictionary<DnsName, List<ZoneDiff>> byOrigin = [];
    private readonly Lock gate = new();

    public ZoneJournal(int maxEntries, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /// <summary>Records the change from <paramref name="previous"/> to <paramref name="next"/>; returns the zones whose serial changed or that are new.</summary>
    public List<DnsZone> Record(ZoneSet previous, ZoneSet next)
    {
        var changed = new List<DnsZone>();
        foreach (var zone in next.Zones)
        {
            var before = previous.Find(zone.Origin) is { } found && found.Origin.Equals(zone.Origin) ? found : null;
            if (before is not null && before.Soa.Serial == zone.Soa.Serial)
            {
                continue;
            }

            changed.Add(zone);
            if (before is null || !SerialNumber.IsNewer(zone.Soa.Serial, before.Soa.Serial))
            {
                Clear(zone.Origin);
                continue;
            }

            Append(zone.Origin, ZoneDiff.Compute(before, zone));
        }

        lock (gate)
        {
            foreach (var origin in byOrigin.Keys.Where(o => next.Find(o)?.Origin.Equals(o) != true).ToList())
            {
                byOrigin.Remove(origin);
            }
        }

        return changed;
    }

    /// <summary>The differences leading from serial <paramref name="from"/> to <paramref name="to"/>, or null when the journal does not reach back that far.</summary>
    public List<ZoneDiff>? Path(DnsName origin, uint from, uint to)
    {
        ZoneDiff[] entries;
        lock (gate)
        {
            if (!byOrigin.TryGetValue(origin, out var list))
            {
                return null;
            }

            entries = [.. list];
        }

        var start = Array.FindIndex(entries, e => e.FromSerial == from);
        if (start < 0)
        {
            return null;
        }

        var path = new List<ZoneDiff>();
        for (var i = start; i < entries.Length; i++)
        {
            path.Add(entries[i]);
            if (entries[i].ToSerial == to)
            {
                return path;
            }
        }

        // The journal went past the version the caller serves (a publish in between): no path to it.
        return null;
    }

    private void Append(DnsName origin, ZoneDiff diff)
    {
        lock (gate)
        {
            if (!byOrigin.TryGetValue(origin, out var list) || (list.Count > 0 && list[^1].ToSerial != diff.FromSerial))
            {
                byOrigin[origin] = list = [];
            }

            list.Add(diff);
            var bytes = list.Sum(d => d.Bytes);
            while (list.Count > 0 && (list.Count > maxEntries || bytes > maxBytes))
            {
                bytes -= list[0].Bytes;
                list.RemoveAt(0);
            }
        }
    }

    private void Clear(DnsName origin)
    {
        lock (gate)
        {
            byOrigin.Remove(origin);
        }
    }
}
