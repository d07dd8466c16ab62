namespace Roundtable.Dns;

/// <summary>SOA serial comparison in sequence space (RFC 1982 §3.2): serials wrap at 2^32.</summary>
internal static class SerialNumber
{
    /// <summary>True when <paramref name="serial"/> comes after <paramref name="than"/>; serials 2^31 apart are incomparable, hence not newer.</summary>
    public static bool IsNewer(uint serial, uint than)
    {
        var distance = unchecked(serial - than);
        return distance != 0 && distance < 0x8000_0000u;
    }
}
