using System.Text;

namespace Roundtable.Application.Names;

/// <summary>Where zones and names live in state (readable paths, so a proof request says what it proves).</summary>
public static class NameKeys
{
    /// <summary>The prefix of every zone policy.</summary>
    public static readonly byte[] ZonePrefix = "zone/"u8.ToArray();

    /// <summary>A zone's policy: <c>zone/forum.internal.</c>.</summary>
    public static byte[] Zone(string origin) => Encoding.ASCII.GetBytes("zone/" + origin);

    /// <summary>The prefix of every name in a zone: <c>name/forum.internal./</c>.</summary>
    public static byte[] NamesOf(string origin) => Encoding.ASCII.GetBytes("name/" + origin + "/");

    /// <summary>A registered name: <c>name/forum.internal./alice</c>.</summary>
    public static byte[] Name(string origin, string label) => Encoding.ASCII.GetBytes("name/" + origin + "/" + label);
}
