using System.Globalization;
using System.Text;

namespace Roundtable.Application.Names;

/// <summary>Where zones and names live in state (readable paths, so a proof request says what it proves).</summary>
public static class NameKeys
{
    /// <summary>The prefix of every zone policy.</summary>
    public static readonly byte[] ZonePrefix = "zone/"u8.ToArray();

    /// <summary>The prefix of the expiry index, whose keys sort by expiry time.</summary>
    public static readonly byte[] ExpiryPrefix = "nameexpiry/"u8.ToArray();

    /// <summary>A zone's policy: <c>zone/forum.internal.</c>.</summary>
    public static byte[] Zone(string origin) => Encoding.ASCII.GetBytes("zone/" + origin);

    /// <summary>A zone's <see cref="ZoneVersion"/>: <c>zoneversion/forum.internal.</c>.</summary>
    public static byte[] Version(string origin) => Encoding.ASCII.GetBytes("zoneversion/" + origin);

    /// <summary>The prefix of every name in a zone: <c>name/forum.internal./</c>.</summary>
    public static byte[] NamesOf(string origin) => Encoding.ASCII.GetBytes("name/" + origin + "/");

    /// <summary>A registered name: <c>name/forum.internal./alice</c>.</summary>
    public static byte[] Name(string origin, string label) => Encoding.ASCII.GetBytes("name/" + origin + "/" + label);

    /// <summary>
    /// A name's entry in the expiry index: <c>nameexpiry/&lt;16 hex digits of ms&gt;/forum.internal./alice</c>;
    /// fixed-width hex makes key order time order, so due expiries are read from the front.
    /// </summary>
    public static byte[] Expiry(ulong expiresAtMs, string origin, string label) =>
        Encoding.ASCII.GetBytes("nameexpiry/" + expiresAtMs.ToString("x16", NumberFormatInfo.InvariantInfo) + "/" + origin + "/" + label);

    /// <summary>The expiry time, zone and label of an expiry index key.</summary>
    public static (ulong ExpiresAtMs, string Origin, string Label) ParseExpiry(byte[] key)
    {
        var text = Encoding.ASCII.GetString(key, ExpiryPrefix.Length, key.Length - ExpiryPrefix.Length);
        var time = ulong.Parse(text.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, NumberFormatInfo.InvariantInfo);
        var rest = text[17..];
        var slash = rest.LastIndexOf('/');
        return (time, rest[..slash], rest[(slash + 1)..]);
    }
}
