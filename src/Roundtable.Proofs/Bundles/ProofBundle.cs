using Roundtable.Core.Encoding;

namespace Roundtable.Proofs.Bundles;

/// <summary>
/// A self-contained, offline-checkable proof: a trust anchor, the committed headers that carry
/// trust from it to the claims' blocks (every validator-set change on the way), and the claims.
/// Format and verification rules: docs/proofs.md.
/// </summary>
public sealed record ProofBundle
{
    /// <summary>Largest encoded bundle, in bytes.</summary>
    public const int MaxEncodedSize = 16 * 1024 * 1024;

    /// <summary>Most committed headers in one bundle.</summary>
    public const int MaxHeaders = 4096;

    /// <summary>Most claims in one bundle.</summary>
    public const int MaxClaims = 64;

    /// <summary>The format version this software writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>The four bytes every bundle starts with: "RTPB".</summary>
    public static ReadOnlySpan<byte> Magic => "RTPB"u8;

    /// <summary>Creates a bundle; headers must be in ascending height order.</summary>
    public ProofBundle(string chainId, TrustAnchor anchor, IReadOnlyList<CommittedHeader> headers, IReadOnlyList<ProofClaim> claims)
    {
        ChainId = chainId;
        Anchor = anchor;
        Headers = [.. headers];
        Claims = [.. claims];
    }

    /// <summary>The chain the bundle is about.</summary>
    public string ChainId { get; }

    /// <summary>What the verifier must trust.</summary>
    public TrustAnchor Anchor { get; }

    /// <summary>Committed headers in ascending height order.</summary>
    public IReadOnlyList<CommittedHeader> Headers { get; }

    /// <summary>What the bundle proves.</summary>
    public IReadOnlyList<ProofClaim> Claims { get; }

    /// <summary>The canonical encoding.</summary>
    public byte[] ToBytes()
    {
        var writer = new CanonicalWriter(4096);
        writer.WriteFixed(Magic);
        writer.WriteByte(Version);
        writer.WriteString(ChainId);
        Anchor.Encode(writer);
        writer.WriteList(Headers, static (w, h) => h.Encode(w));
        writer.WriteList(Claims, static (w, c) => c.Encode(w));
        return writer.ToArray();
    }

    /// <summary>
    /// Decodes a bundle that is the whole of <paramref name="encoded"/>. Checks the shape (sizes,
    /// ascending heights, one chain), not the signatures or proofs: that is <see cref="Verification.BundleVerifier"/>'s job.
    /// </summary>
    /// <exception cref="DecodeException">The bytes are not a canonical bundle; the message says why.</exception>
    public static ProofBundle Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > MaxEncodedSize)
        {
            throw new DecodeException(DecodeError.Oversize, $"A proof bundle is at most {MaxEncodedSize} bytes; this one is {encoded.Length}.");
        }

        var reader = new CanonicalReader(encoded);
        if (reader.Remaining < Magic.Length || !reader.ReadFixed(Magic.Length).SequenceEqual(Magic))
        {
            throw new DecodeException(DecodeError.InvalidValue, "This is not a Roundtable proof bundle (it does not start with RTPB).");
        }

        var version = reader.ReadByte();
        if (version != Version)
        {
            throw new DecodeException(DecodeError.UnknownType, $"Proof bundle version {version} is not supported (this software reads version {Version}).");
        }

        var chainId = Ledger.ChainId.Read(ref reader);
        var anchor = TrustAnchor.Decode(ref reader, chainId);
        var headerCount = reader.ReadLength(MaxHeaders, "header count");
        var headers = new CommittedHeader[headerCount];
        for (var i = 0; i < headerCount; i++)
        {
            headers[i] = CommittedHeader.Decode(ref reader);
            var previous = i == 0 ? anchor.Height : headers[i - 1].Header.Height;
            if (headers[i].Header.Height <= previous)
            {
                throw new DecodeException(DecodeError.NonCanonical, $"Bundle headers must follow the trust anchor in ascending height order; header {headers[i].Header.Height} comes after {previous}.");
            }
        }

        var claimCount = reader.ReadLength(MaxClaims, "claim count");
        var claims = new ProofClaim[claimCount];
        for (var i = 0; i < claimCount; i++)
        {
            claims[i] = ProofClaim.Decode(ref reader);
        }

        reader.EnsureEnd();
        return new ProofBundle(chainId, anchor, headers, claims);
    }
}
