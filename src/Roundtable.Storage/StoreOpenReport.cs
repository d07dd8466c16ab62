using System.Globalization;
using System.Text;

namespace Roundtable.Storage;

/// <summary>
/// What opening a store (or loading a snapshot) found and repaired. A clean start has no
/// <see cref="Events"/>; every repair is listed so the caller can log it.
/// </summary>
public sealed class StoreOpenReport
{
    /// <summary>Creates a report.</summary>
    public StoreOpenReport(IReadOnlyList<RecoveryEvent> events, long recordsScanned, long bytesScanned, TimeSpan elapsed)
    {
        Events = events;
        RecordsScanned = recordsScanned;
        BytesScanned = bytesScanned;
        Elapsed = elapsed;
    }

    /// <summary>Repairs and skips, in the order they happened.</summary>
    public IReadOnlyList<RecoveryEvent> Events { get; }

    /// <summary>True when nothing had to be repaired or skipped.</summary>
    public bool IsClean => Events.Count == 0;

    /// <summary>Records (blocks, or snapshot entries) read and verified.</summary>
    public long RecordsScanned { get; }

    /// <summary>Bytes read and verified.</summary>
    public long BytesScanned { get; }

    /// <summary>Wall time the open or load took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>A summary line followed by one line per event.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"verified {RecordsScanned} record(s), {BytesScanned} byte(s) in {Elapsed.TotalMilliseconds:F1} ms; ");
        sb.Append(IsClean ? "clean" : string.Create(CultureInfo.InvariantCulture, $"{Events.Count} repair(s)"));
        foreach (var e in Events)
        {
            sb.Append('\n').Append(e.Message);
        }

        return sb.ToString();
    }
}
