using System.Text;
using Roundtable.Core.Hashing;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Proofs.Verification;

/// <summary>
/// Ties a file to a verified bundle: the file's SHA-256 must be the digest whose anchor record the
/// bundle proves (state key <c>anchor/&lt;digest&gt;</c>, docs/notary.md), and the record must exist.
/// </summary>
public static class DocumentCheck
{
    private const string AnchorPrefix = "anchor/";

    /// <summary>The state key of the anchor for <paramref name="digest"/>.</summary>
    public static byte[] AnchorKey(Hash256 digest) => Encoding.ASCII.GetBytes(AnchorPrefix + digest);

    /// <summary>
    /// Checks <paramref name="fileDigest"/> against an already verified bundle. Returns the proven
    /// anchor claim, or a refutation (part "file") naming the digests that differ.
    /// </summary>
    public static (ProvenClaim? Anchor, string? Problem) Check(BundleVerification verified, Hash256 fileDigest)
    {
        var key = AnchorKey(fileDigest);
        var match = verified.Claims.FirstOrDefault(c => c.Claim is StateClaim s && s.Key.AsSpan().SequenceEqual(key));
        if (match is not null)
        {
            return ((StateClaim)match.Claim).Value is null
                ? (null, $"the file (SHA-256 {fileDigest}) was not anchored as of block {match.Claim.Height}")
                : (match, null);
        }

        var anchored = verified.Claims
            .Select(c => c.Claim)
            .OfType<StateClaim>()
            .Select(s => Encoding.UTF8.GetString(s.Key))
            .FirstOrDefault(k => k.StartsWith(AnchorPrefix, StringComparison.Ordinal));
        return anchored is null
            ? (null, "the bundle proves no anchored document, so it says nothing about this file")
            : (null, $"the file's SHA-256 is {fileDigest}, but the bundle proves the anchor of {anchored[AnchorPrefix.Length..]}: the file is not the anchored document (or was changed)");
    }
}
