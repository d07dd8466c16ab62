using System.Globalization;
using System.Security.Cryptography;

namespace Roundtable.Dns;

/// <summary>
/// A published DNSSEC public key of algorithm 13 (ECDSA P-256 with SHA-256, RFC 6605): what one
/// operator puts in the zone's DNSKEY RRset, with its key tag (RFC 4034 Appendix B) and the DS
/// the parent (or a resolver's trust anchor) holds for it (SHA-256 digest, RFC 4509).
/// </summary>
public sealed class DnssecKey : IEquatable<DnssecKey>
{
    /// <summary>DNSSEC algorithm 13, ECDSA Curve P-256 with SHA-256 (RFC 6605); the only one this server signs with.</summary>
    public const byte EcdsaP256Sha256 = 13;

    /// <summary>Flags of a zone key without the secure entry point bit (a ZSK).</summary>
    public const ushort ZoneKeyFlags = 256;

    /// <summary>Flags of a zone key with the secure entry point bit (a KSK, or a key that signs everything).</summary>
    public const ushort SecureEntryPointFlags = 257;

    /// <summary>Length of an uncompressed P-256 point without its 0x04 prefix (RFC 6605 §4): x then y.</summary>
    public const int PublicKeyLength = 64;

    /// <summary>DNSKEY protocol field; always 3 (RFC 4034 §2.1.2).</summary>
    private const byte Protocol = 3;

    /// <summary>DS digest type 2, SHA-256 (RFC 4509).</summary>
    private const byte Sha256DigestType = 2;

    private readonly byte[] publicKey;

    /// <summary>A key from its flags and its 64-byte public key (x || y).</summary>
    /// <exception cref="ArgumentException">The flags are not 256 or 257, or the key is not a point of P-256.</exception>
    public DnssecKey(ushort flags, ReadOnlySpan<byte> publicKey)
    {
        if (flags is not (ZoneKeyFlags or SecureEntryPointFlags))
        {
            throw new ArgumentException($"DNSKEY flags must be {ZoneKeyFlags} or {SecureEntryPointFlags}, not {flags}", nameof(flags));
        }

        if (publicKey.Length != PublicKeyLength)
        {
            throw new ArgumentException($"an ECDSA P-256 public key is {PublicKeyLength} bytes, not {publicKey.Length}", nameof(publicKey));
        }

        CheckOnCurve(publicKey);
        Flags = flags;
        this.publicKey = publicKey.ToArray();
        Rdata = [(byte)(flags >> 8), (byte)flags, Protocol, EcdsaP256Sha256, .. this.publicKey];
        KeyTag = ComputeKeyTag(Rdata);
    }

    /// <summary>256 (zone key) or 257 (zone key, secure entry point).</summary>
    public ushort Flags { get; }

    /// <summary>Always <see cref="EcdsaP256Sha256"/>.</summary>
    public byte Algorithm => EcdsaP256Sha256;

    /// <summary>The public key, x || y, 64 bytes.</summary>
    public ReadOnlySpan<byte> PublicKey => publicKey;

    /// <summary>True for a key with the secure entry point bit (flags 257): it signs the DNSKEY RRset.</summary>
    public bool IsSecureEntryPoint => (Flags & 1) != 0;

    /// <summary>The key tag resolvers use to pick this key for a signature (RFC 4034 Appendix B).</summary>
    public ushort KeyTag { get; }

    /// <summary>The DNSKEY RDATA in wire form.</summary>
    internal byte[] Rdata { get; }

    /// <summary>Parses DNSKEY RDATA in presentation form, e.g. <c>257 3 13 base64…</c> (the base64 may be split by spaces).</summary>
    /// <exception cref="FormatException">Not a DNSKEY of algorithm 13 in presentation form.</exception>
    public static DnssecKey Parse(string rdata)
    {
        ArgumentNullException.ThrowIfNull(rdata);
        var fields = rdata.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4
            || !ushort.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var flags)
            || fields[1] != "3"
            || fields[2] != "13")
        {
            throw new FormatException($"'{rdata}' is not DNSKEY data of the form 'flags 3 13 base64-key'");
        }

        try
        {
            return new DnssecKey(flags, Convert.FromBase64String(string.Concat(fields.Skip(3))));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new FormatException($"'{rdata}': {e.Message}", e);
        }
    }

    /// <summary>The SHA-256 DS digest of this key as published at <paramref name="owner"/> (RFC 4509 §2.1).</summary>
    public byte[] ComputeDsDigest(string owner) => SHA256.HashData([.. DnsName.Parse(owner).Wire, .. Rdata]);

    /// <summary>DS RDATA in presentation form, e.g. <c>55648 13 2 b4c8…</c>, as a parent zone or a trust anchor holds it.</summary>
    public string ToDsRdataText(string owner) =>
        string.Create(CultureInfo.InvariantCulture, $"{KeyTag} {Algorithm} {Sha256DigestType} {Convert.ToHexStringLower(ComputeDsDigest(owner))}");

    /// <summary>The whole DS record in presentation form, e.g. <c>forum.internal. 3600 IN DS 55648 13 2 b4c8…</c>.</summary>
    public string ToDsText(string owner, uint ttl = 3600) =>
        string.Create(CultureInfo.InvariantCulture, $"{DnsName.Parse(owner)} {ttl} IN DS {ToDsRdataText(owner)}");

    /// <summary>DNSKEY RDATA in presentation form: <c>flags 3 13 base64</c>.</summary>
    public string ToDnskeyRdataText() =>
        string.Create(CultureInfo.InvariantCulture, $"{Flags} {Protocol} {Algorithm} {Convert.ToBase64String(publicKey)}");

    /// <summary>The whole DNSKEY record in presentation form, e.g. <c>forum.internal. 3600 IN DNSKEY 257 3 13 …</c>.</summary>
    public string ToDnskeyText(string owner, uint ttl = 3600) =>
        string.Create(CultureInfo.InvariantCulture, $"{DnsName.Parse(owner)} {ttl} IN DNSKEY {ToDnskeyRdataText()}");

    /// <inheritdoc />
    public bool Equals(DnssecKey? other) => other is not null && Rdata.AsSpan().SequenceEqual(other.Rdata);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DnssecKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => WireComparer.Instance.GetHashCode(Rdata);

    /// <summary>A short description for logs: flags, algorithm and key tag (use <see cref="ToDnskeyText"/> for the record).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DNSKEY {Flags} 3 {Algorithm} (key tag {KeyTag})");

    /// <summary>RFC 4034 Appendix B: the one's-complement-like sum of the RDATA as 16-bit words.</summary>
    private static ushort ComputeKeyTag(ReadOnlySpan<byte> rdata)
    {
        uint sum = 0;
        for (var i = 0; i < rdata.Length; i++)
        {
            sum += (i & 1) == 0 ? (uint)rdata[i] << 8 : rdata[i];
        }

        sum += (sum >> 16) & 0xFFFF;
        return (ushort)sum;
    }

    private static void CheckOnCurve(ReadOnlySpan<byte> publicKey)
    {
        try
        {
            using var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = publicKey[..32].ToArray(), Y = publicKey[32..].ToArray() },
            });
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("the public key is not a point of curve P-256", nameof(publicKey), e);
        }
    }
}
