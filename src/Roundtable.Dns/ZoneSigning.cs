namespace Roundtable.Dns;

/// <summary>
/// How one node signs a co-governed zone (RFC 8901 model 2): the DNSKEY RRset is
/// <see cref="PublishedKeys"/>, the union of every operator's public keys, so a resolver validates
/// any operator's answers; this node signs with the keys of <see cref="Signer"/> only, which must
/// be among them. Pass it to <see cref="DnsZone.Create(string, SoaSettings, IReadOnlyList{NameServer}, IEnumerable{ZoneRecord}, ZoneSigning?)"/>.
/// </summary>
/// <param name="PublishedKeys">Every operator's published keys (at least one).</param>
/// <param name="Signer">This node's signer: its private keys and the signatures of its last build.</param>
/// <param name="Window">Inception and expiration of every signature of the build.</param>
public sealed record ZoneSigning(IReadOnlyList<DnssecKey> PublishedKeys, ZoneSigner Signer, SignatureWindow Window)
{
    /// <summary>TTL of the DNSKEY RRset. A key rollover step must wait this long before the next (RFC 6781 §4.1).</summary>
    public uint DnskeyTtl { get; init; } = 3600;
}
