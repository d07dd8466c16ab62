using System.Globalization;
using System.Text;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Disputes;

/// <summary>Where disputes live in state (readable paths, so a proof request says what it proves).</summary>
public static class DisputeKeys
{
    /// <summary>The prefix of every dispute record.</summary>
    public static readonly byte[] DisputePrefix = "dispute/"u8.ToArray();

    /// <summary>The prefix of the roster of volunteer arbitrators.</summary>
    public static readonly byte[] RosterPrefix = "dispute-roster/"u8.ToArray();

    /// <summary>The prefix of the draw queue, whose keys sort by the height of the draw.</summary>
    public static readonly byte[] DrawPrefix = "dispute-draw/"u8.ToArray();

    /// <summary>A dispute: <c>dispute/&lt;id&gt;</c>.</summary>
    public static byte[] Dispute(Hash256 id) => StateKeys.Path("dispute/", id);

    /// <summary>A volunteer arbitrator: <c>dispute-roster/&lt;member&gt;</c>.</summary>
    public static byte[] Arbitrator(Hash256 member) => StateKeys.Path("dispute-roster/", member);

    /// <summary>The prefix of a dispute's statements.</summary>
    public static byte[] StatementsOf(Hash256 id) => Encoding.ASCII.GetBytes("dispute-statement/" + id.ToString() + "/");

    /// <summary>Statement <paramref name="index"/> of a dispute: <c>dispute-statement/&lt;id&gt;/&lt;8 hex digits&gt;</c>.</summary>
    public static byte[] Statement(Hash256 id, uint index) =>
        Encoding.ASCII.GetBytes("dispute-statement/" + id.ToString() + "/" + index.ToString("x8", NumberFormatInfo.InvariantInfo));

    /// <summary>The prefix of the disputes about a record named by id (an anchor, a member, a decision).</summary>
    public static byte[] AboutPrefix(Hash256 subject) => Encoding.ASCII.GetBytes("dispute-about/" + subject.ToString() + "/");

    /// <summary>A dispute in the index by subject: <c>dispute-about/&lt;subject id&gt;/&lt;dispute id&gt;</c>.</summary>
    public static byte[] About(Hash256 subject, Hash256 dispute) => Encoding.ASCII.GetBytes("dispute-about/" + subject.ToString() + "/" + dispute.ToString());

    /// <summary>A member's right to vote suspended by a remedy: <c>dispute-voting/&lt;member&gt;</c>.</summary>
    public static byte[] VotingSuspension(Hash256 member) => StateKeys.Path("dispute-voting/", member);

    /// <summary>
    /// A dispute waiting for its panel: <c>dispute-draw/&lt;16 hex digits of height&gt;/&lt;id&gt;</c>;
    /// fixed-width hex makes key order height order, so due draws are read from the front.
    /// </summary>
    public static byte[] Draw(ulong height, Hash256 id) =>
        Encoding.ASCII.GetBytes("dispute-draw/" + height.ToString("x16", NumberFormatInfo.InvariantInfo) + "/" + id.ToString());

    /// <summary>The height and dispute of a draw queue key.</summary>
    public static (ulong Height, Hash256 Dispute) ParseDraw(byte[] key)
    {
        var text = Encoding.ASCII.GetString(key, DrawPrefix.Length, key.Length - DrawPrefix.Length);
        return (ulong.Parse(text.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, NumberFormatInfo.InvariantInfo), Hash256.Parse(text[17..]));
    }
}
