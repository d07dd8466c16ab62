using Roundtable.Dns;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;

namespace Roundtable.Node.Devnet.Demo;

/// <summary>
/// The demo's names in the co-governed zone <see cref="DevnetZone.Origin"/>: founders of three
/// groups each register one, so every node's DNS server has something to answer (dig shows it).
/// </summary>
public static class DemoNames
{
    /// <summary>The names, their registrant (group, founder number) and records as zone-file lines (owner relative to the name, type, data).</summary>
    public static IReadOnlyList<(string Label, string Group, IReadOnlyList<(string Owner, DnsRecordType Type, string Data)> Records)> Names { get; } =
    [
        ("roundtable", "civil-society",
        [
            ("", DnsRecordType.A, "127.0.0.1"),
            ("www", DnsRecordType.CNAME, "roundtable"),
            ("", DnsRecordType.TXT, "\"Minutes and outcomes of the forum's round tables\""),
        ]),
        ("registry", "technical",
        [
            ("", DnsRecordType.A, "127.0.0.1"),
            ("", DnsRecordType.AAAA, "::1"),
            ("", DnsRecordType.MX, "10 mail.registry"),
            ("mail", DnsRecordType.A, "127.0.0.1"),
        ]),
        ("ministry", "government",
        [
            ("", DnsRecordType.A, "127.0.0.1"),
            ("_https._tcp", DnsRecordType.SRV, "10 0 443 ministry"),
            ("", DnsRecordType.CAA, "0 issue \"ca.forum.internal\""),
        ]),
    ];

    /// <summary>Registers every demo name; returns the full names.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(DemoCast cast, CancellationToken ct)
    {
        var registered = new List<string>();
        foreach (var (label, group, records) in Names)
        {
            var message = new RegisterName(DevnetZone.Origin, label, [.. records.Select(r =>
                new NameRecord(r.Owner, r.Type, 300, RecordText.ToWire((RecordType)(ushort)r.Type, r.Data, DevnetZone.Origin)))]);
            var outcome = await cast.Client.SendAsync(cast.Founder(group, 1), message, ct).ConfigureAwait(false);
            registered.Add(label + "." + DevnetZone.Origin);
            cast.Log($"{label}.{DevnetZone.Origin} registered at height {outcome.Height}; every node's DNS answers it");
        }

        return registered;
    }
}
