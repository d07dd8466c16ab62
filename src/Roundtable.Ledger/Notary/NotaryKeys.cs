using System.Text;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Notary;

/// <summary>
/// The notary's state keys: readable ASCII paths with 64 lowercase hex digits per id, so a key
/// says what it proves and an offline verifier can build it from a file's SHA-256 alone.
/// <list type="bullet">
/// <item><c>anchor/&lt;digest&gt;</c>: the <see cref="AnchorRecord"/>.</item>
/// <item><c>anchor-member/&lt;member&gt;/&lt;digest&gt;</c>: a <see cref="MemberAnchor"/> (the member authored or co-signed it).</item>
/// <item><c>anchor-child/&lt;parent&gt;/&lt;child&gt;</c>: a <see cref="LineageChild"/> (the child links to the parent).</item>
/// </list>
/// </summary>
public static class NotaryKeys
{
    /// <summary>Prefix of every anchor record.</summary>
    public const string AnchorPrefix = "anchor/";

    /// <summary>The anchor of the document whose SHA-256 is <paramref name="digest"/>.</summary>
    public static byte[] Anchor(Hash256 digest) => Key(AnchorPrefix + digest);

    /// <summary>Prefix of the anchors a member authored or co-signed (ordered by digest).</summary>
    public static byte[] MemberAnchorPrefix(Hash256 member) => Key($"anchor-member/{member}/");

    /// <summary>The entry saying <paramref name="member"/> signed the anchor <paramref name="digest"/>.</summary>
    public static byte[] MemberAnchor(Hash256 member, Hash256 digest) => Key($"anchor-member/{member}/{digest}");

    /// <summary>Prefix of the anchors that link to <paramref name="parent"/> (ordered by digest).</summary>
    public static byte[] ChildPrefix(Hash256 parent) => Key($"anchor-child/{parent}/");

    /// <summary>The entry saying <paramref name="child"/> links to <paramref name="parent"/>.</summary>
    public static byte[] Child(Hash256 parent, Hash256 child) => Key($"anchor-child/{parent}/{child}");

    /// <summary>The digest at the end of an index key (its last 64 characters).</summary>
    public static Hash256 DigestAtEnd(ReadOnlySpan<byte> key) => Hash256.Parse(Encoding.ASCII.GetString(key[^(Hash256.Size * 2)..]));

    private static byte[] Key(string path) => Encoding.ASCII.GetBytes(path);
}
