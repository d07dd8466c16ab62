using System.Globalization;
using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.DataPractices;

/// <summary>
/// The register's state keys, readable ASCII under <c>practice/</c> with 64 lowercase hex digits per id:
/// <list type="bullet">
/// <item><c>practice/statement/&lt;id&gt;</c>: the <see cref="PracticeHead"/> (the id is the first version's digest);</item>
/// <item><c>practice/version/&lt;digest&gt;</c>: a <see cref="PracticeVersion"/>;</item>
/// <item><c>practice/comment/&lt;id&gt;/&lt;16 hex digits&gt;</c>: the statement's comments in order;</item>
/// <item><c>practice/member/&lt;member&gt;/&lt;id&gt;</c>: a <see cref="PracticeAuthorship"/> (the member published it).</item>
/// </list>
/// </summary>
public static class PracticeKeys
{
    /// <summary>Prefix of every statement head, ordered by statement id.</summary>
    public static byte[] StatementPrefix => Key("practice/statement/");

    /// <summary>The head of statement <paramref name="id"/>.</summary>
    public static byte[] Statement(Hash256 id) => Key($"practice/statement/{id}");

    /// <summary>The version whose document digest is <paramref name="digest"/>.</summary>
    public static byte[] Version(Hash256 digest) => Key($"practice/version/{digest}");

    /// <summary>Prefix of the comments on statement <paramref name="id"/>, in the order they were made.</summary>
    public static byte[] CommentPrefix(Hash256 id) => Key($"practice/comment/{id}/");

    /// <summary>Comment number <paramref name="index"/> (from 0) on statement <paramref name="id"/>.</summary>
    public static byte[] Comment(Hash256 id, uint index) => Key($"practice/comment/{id}/{index.ToString("x16", NumberFormatInfo.InvariantInfo)}");

    /// <summary>Prefix of the statements <paramref name="member"/> published, by statement id.</summary>
    public static byte[] MemberPrefix(Hash256 member) => Key($"practice/member/{member}/");

    /// <summary>The entry saying <paramref name="member"/> published statement <paramref name="id"/>.</summary>
    public static byte[] Member(Hash256 member, Hash256 id) => Key($"practice/member/{member}/{id}");

    private static byte[] Key(string path) => Encoding.ASCII.GetBytes(path);
}
