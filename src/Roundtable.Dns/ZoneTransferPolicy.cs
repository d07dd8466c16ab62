using System.Net;

namespace Roundtable.Dns;

/// <summary>
/// Who may copy a zone and whom to tell when it changes. A transfer (AXFR or IXFR) is served only
/// over TCP, to a client inside one of <see cref="AllowedNetworks"/>, and, when <see cref="Keys"/>
/// is not empty, only to a request signed with one of them (TSIG, RFC 8945); responses to a signed
/// request are signed. A zone without a policy refuses every transfer.
/// </summary>
/// <param name="AllowedNetworks">Client networks that may transfer the zone (e.g. the secondaries' addresses as /32).</param>
/// <param name="Keys">TSIG keys a request may be signed with; empty means the address alone decides.</param>
/// <param name="NotifyTargets">Secondaries told by NOTIFY (RFC 1996, UDP) when a published version changes the serial; signed with the first key when there are keys.</param>
public sealed record ZoneTransferPolicy(
    IReadOnlyList<IPNetwork> AllowedNetworks,
    IReadOnlyList<TsigKey> Keys,
    IReadOnlyList<IPEndPoint> NotifyTargets)
{
    /// <summary>True when <paramref name="client"/> is inside an allowed network (IPv4-mapped IPv6 addresses count as IPv4).</summary>
    public bool Allows(IPAddress client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        return AllowedNetworks.Any(n => n.Contains(address));
    }
}
