using System.Net;
using Roundtable.Application.Names;
using Roundtable.Dns;
using Roundtable.Ledger.Names;

namespace Roundtable.Node.Dns;

/// <summary>
/// Turns a zone's committed policy, version and names into the <see cref="DnsZone"/> the server
/// answers from: apex SOA and NS from the policy, serial = the zone version, and the records of
/// every name live at the block time. Pure, so every node builds the same zone for the same height.
/// </summary>
public static class ZoneProjection
{
    /// <summary>
    /// Builds the zone. A name whose records the DNS rules refuse (the chain checks the same rules,
    /// so only a rule added later can cause this) is left out and reported, never the whole zone.
    /// </summary>
    /// <param name="policy">The zone's policy.</param>
    /// <param name="version">Its version: the SOA serial.</param>
    /// <param name="names">Its names, live or not.</param>
    /// <param name="blockTimeMs">Time of the block the state comes from: names expired by then are not served.</param>
    /// <param name="leftOut">Told each name left out and why.</param>
    /// <param name="signing">How this node signs the zone, or null to serve it unsigned.</param>
    public static DnsZone Build(ZonePolicy policy, ZoneVersion version, IEnumerable<NameHolding> names, ulong blockTimeMs, Action<string, string> leftOut, ZoneSigning? signing = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(version);
        var soa = Soa(policy, version);
        var servers = NameServers(policy);
        var live = names.Where(n => n.IsLiveAt(blockTimeMs)).ToList();
        try
        {
            return DnsZone.Create(policy.Origin, soa, servers, live.SelectMany(Records), signing);
        }
        catch (DnsZoneException)
        {
            var servable = new List<NameHolding>(live.Count);
            foreach (var name in live)
            {
                try
                {
                    DnsZone.Create(policy.Origin, soa, servers, Records(name));
                    servable.Add(name);
                }
                catch (DnsZoneException e)
                {
                    leftOut(name.FullName, e.Message);
                }
            }

            return DnsZone.Create(policy.Origin, soa, servers, servable.SelectMany(Records), signing);
        }
    }

    /// <summary>The SOA the policy and version give: the first name server as primary, the contact, the version as serial.</summary>
    public static SoaSettings Soa(ZonePolicy policy, ZoneVersion version)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(version);

        // RFC 1982 serial arithmetic lets a serial wrap; heights past 2^32 keep increasing modulo it.
        return new SoaSettings(policy.NameServers[0].Host, policy.Contact, unchecked((uint)version.ChangedAtHeight), Minimum: policy.Ttl, Ttl: policy.Ttl);
    }

    private static NameServer[] NameServers(ZonePolicy policy) =>
        [.. policy.NameServers.Select(ns => new NameServer(ns.Host, ns.Address.Length == 0 ? [] : [new IPAddress(ns.Address).ToString()]))];

    /// <summary>The records of one name, with owners relative to the zone (<c>www.alice</c>) and data as text.</summary>
    public static IEnumerable<ZoneRecord> Records(NameHolding name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Records.Select(r => new ZoneRecord(
            r.Owner.Length == 0 ? name.Label : r.Owner + "." + name.Label,
            (RecordType)(ushort)r.Type,
            r.Ttl,
            RecordText.Format((RecordType)(ushort)r.Type, r.Data)));
    }
}
