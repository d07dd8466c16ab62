using Roundtable.Dns;
using Roundtable.Ledger.Names;
using Roundtable.Node.Hosting;

namespace Roundtable.Node.Dns;

/// <summary>
/// This operator's DNSSEC private keys (every PEM file in the home's <c>config/dnssec</c>) and the
/// signing settings they give a zone: the DNSKEY set is every key the zone's policy publishes; this
/// node signs with those of its keys the policy marks active, and with no other.
/// </summary>
public sealed class OperatorKeys : IDisposable
{
    private readonly DnssecSigningKey[] keys;

    private OperatorKeys(DnssecSigningKey[] keys)
    {
        this.keys = keys;
    }

    /// <summary>Number of keys held.</summary>
    public int Count => keys.Length;

    /// <summary>Reads every key file in <paramref name="directory"/> (none when it does not exist).</summary>
    /// <exception cref="InvalidDataException">A file there is not a P-256 private key.</exception>
    public static OperatorKeys Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new OperatorKeys([]);
        }

        var files = Directory.GetFiles(directory, "*.pem").Order(StringComparer.Ordinal);
        return new OperatorKeys([.. files.Select(file =>
        {
            using var key = KeyFiles.Read(file);
            return DnssecSigningKey.ImportPkcs8(key.ExportPkcs8());
        })]);
    }

    /// <summary>The keys <paramref name="policy"/> publishes, as DNSKEY records (flags 257).</summary>
    public static IReadOnlyList<DnssecKey> Published(ZonePolicy policy) =>
        [.. policy.SigningKeys.Select(k => new DnssecKey(DnssecKey.SecureEntryPointFlags, k.PublicKey))];

    /// <summary>The keys this node holds that <paramref name="policy"/> publishes as active: those it signs the zone with.</summary>
    public IReadOnlyList<DnssecSigningKey> ActiveFor(ZonePolicy policy) =>
        [.. keys.Where(k => policy.SigningKeys.Any(p => p.Active && p.PublicKey.AsSpan().SequenceEqual(k.PublicKey.PublicKey)))];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }
}
