namespace Roundtable.Dns;

/// <summary>
/// A shared secret for TSIG (RFC 8945) with the HMAC-SHA256 algorithm, the one every current
/// secondary (NSD, Knot, BIND) supports; older MD5/SHA1 keys are not offered.
/// </summary>
public sealed class TsigKey
{
    /// <summary>The algorithm name as it goes on the wire and in server configurations.</summary>
    public const string Algorithm = "hmac-sha256.";

    /// <summary>Shortest secret accepted. RFC 8945 recommends a secret as long as the hash output (32 bytes for SHA-256, what <c>tsig-keygen</c> makes); shorter than 16 is a password, not a key.</summary>
    public const int MinSecretLength = 16;

    private readonly byte[] secret;

    /// <summary>Creates a key.</summary>
    /// <param name="name">The key name both sides configure, e.g. <c>xfr.forum.internal.</c> (absolute; a final dot is added when missing).</param>
    /// <param name="secret">The shared secret bytes (what <c>tsig-keygen</c> prints in base64).</param>
    /// <exception cref="DnsZoneException">The name is not a valid domain name.</exception>
    public TsigKey(string name, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(secret.Length, MinSecretLength);
        Name = DnsName.Parse(name.EndsWith('.') ? name : name + ".");
        this.secret = secret.ToArray();
    }

    /// <summary>The key name, lower case, absolute.</summary>
    public DnsName Name { get; }

    /// <summary>The secret; the key keeps its own copy.</summary>
    internal ReadOnlySpan<byte> Secret => secret;
}
