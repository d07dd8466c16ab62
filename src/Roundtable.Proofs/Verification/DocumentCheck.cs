using System.Text;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Notary;
using Roundtable.Proofs.Bundles;

namespace Roundtable.Proofs.Verification;

/// <summary>A document's anchor as a verified bundle proves it: the record and the claim that carried it.</summary>
/// <param name="Record">The anchor record (author, metadata, co-signers, status) as of the claim's block.</param>
/// <param name="Proven">The verified state claim.</param>
public sealed record ProvenAnchor(AnchorRecord Record, ProvenClaim Proven);

/// <summary>
/// Ties a file to a verified bundle: the file's SHA-256 must be the digest whose anchor record the
/// bundle proves (state key <c>anchor/&lt;digest&gt;</c>, docs/notary.md), and the record must exist.
/// </summary>
public static class DocumentCheck
{
    /// <summary>
    /// Checks <paramref name="fileDigest"/> against an already verified bundle. Returns the proven
    /// anchor, or a refutation (part "file") naming the digests that differ.
    /// </summary>
    public static (ProvenAnchor? Anchor, string? Problem) Check(BundleVerification verified, Hash256 fileDigest)
    {
        var key = NotaryKeys.Anchor(fileDigest);
        var match = verified.Claims.FirstOrDefault(c => c.Claim is StateClaim s && s.Key.AsSpan().SequenceEqual(key));
        if (match is not null)
        {
            return ((StateClaim)match.Claim).Value is { } value
                ? Decode(value, match)
                : (null, $"the file (SHA-256 {fileDigest}) was not anchored as of block {match.Claim.Height}");
        }

        var anchored = verified.Claims
            .Select(c => c.Claim)
            .OfType<StateClaim>()
            .Select(s => Encoding.UTF8.GetString(s.Key))
            .FirstOrDefault(k => k.StartsWith(NotaryKeys.AnchorPrefix, StringComparison.Ordinal));
        return anchored is null
            ? (null, "the bundle proves no anchored document, so it says nothing about this file")
            : (null, $"the file's SHA-256 is {fileDigest}, but the bundle proves the anchor of {anchored[NotaryKeys.AnchorPrefix.Length..]}: the file is not the anchored document (or was changed)");
    }

    private static (ProvenAnchor?, string?) Decode(byte[] value, ProvenClaim claim)
    {
        try
        {
            return (new ProvenAnchor(Canonical.FromBytes<AnchorRecord>(value), claim), null);
        }
        catch (DecodeException e)
        {
            return (null, "the proven anchor record is not readable by this software: " + e.Message);
        }
    }
}
