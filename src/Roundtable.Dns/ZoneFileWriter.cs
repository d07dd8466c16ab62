using System.Globalization;

namespace Roundtable.Dns;

/// <summary>Writes a zone in presentation form (RFC 1035 §5), one absolute record per line, in the order of <see cref="ZoneRecords"/>.</summary>
internal static class ZoneFileWriter
{
    public static void Write(DnsZone zone, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var record in ZoneRecords.Enumerate(zone))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{record.Owner}\t{record.Ttl}\tIN\t{RdataText.TypeName((ushort)record.Type)}\t{RdataText.Format(record.Type, record.Data)}\n"));
        }
    }
}
