using System.Globalization;
using System.Text;
using Roundtable.Dns;

namespace Roundtable.DnsBench;

/// <summary>
/// The benchmark zone <c>bench.internal.</c> and its query file, both deterministic. Names
/// n000000… each have an A record; every 4th also AAAA, every 10th TXT, every 20th MX (to the next
/// name, so the answer carries its address in the additional section). The zone file is what Knot
/// and NSD load and what <see cref="Read"/> turns into a <see cref="DnsZone"/> for Roundtable, so the
/// three servers serve the same records.
/// </summary>
internal static class BenchZone
{
    public const string Origin = "bench.internal.";
    public const uint Ttl = 3600;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Name(int i) => string.Create(Inv, $"n{i:D6}");

    /// <summary>Writes the zone file; returns the number of records (apex included).</summary>
    public static int Write(string path, int names)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(names, 1_000_000);
        using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        file.NewLine = "\n";
        file.WriteLine($"$ORIGIN {Origin}");
        file.WriteLine($"@ {Ttl} IN SOA ns1.{Origin} hostmaster.{Origin} 1 3600 600 1209600 300");
        file.WriteLine($"@ {Ttl} IN NS ns1.{Origin}");
        file.WriteLine($"@ {Ttl} IN NS ns2.{Origin}");
        file.WriteLine($"ns1 {Ttl} IN A 10.255.0.1");
        file.WriteLine($"ns2 {Ttl} IN A 10.255.0.2");
        var records = 5;
        for (var i = 0; i < names; i++)
        {
            var name = Name(i);
            file.WriteLine(string.Create(Inv, $"{name} {Ttl} IN A 10.{i >> 16}.{(i >> 8) & 255}.{i & 255}"));
            records++;
            if (i % 4 == 0)
            {
                file.WriteLine(string.Create(Inv, $"{name} {Ttl} IN AAAA fd00::{i >> 16:x}:{i & 0xffff:x}"));
                records++;
            }

            if (i % 10 == 0)
            {
                file.WriteLine(string.Create(Inv, $"{name} {Ttl} IN TXT \"bench record {name}\""));
                records++;
            }

            if (i % 20 == 0)
            {
                file.WriteLine(string.Create(Inv, $"{name} {Ttl} IN MX 10 {Name((i + 1) % names)}.{Origin}"));
                records++;
            }
        }

        return records;
    }

    /// <summary>
    /// Writes the dnsperf input ("name type" per line): 10% missing names (NXDOMAIN); of the rest
    /// 60% A, 15% AAAA, 7% TXT, 5% MX, 8% AAAA where there is none (NODATA), 5% apex NS.
    /// Returns a summary of the mix.
    /// </summary>
    public static string WriteQueries(string path, int names, int count)
    {
        var random = new Random(11);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        file.NewLine = "\n";
        for (var q = 0; q < count; q++)
        {
            string line, kind;
            var i = random.Next(names);
            if (random.Next(100) < 10)
            {
                (line, kind) = (string.Create(Inv, $"x{random.Next(1_000_000):D6}.{Origin} A"), "NXDOMAIN");
            }
            else
            {
                var t = random.Next(100);
                (line, kind) = t switch
                {
                    < 60 => ($"{Name(i)}.{Origin} A", "A"),
                    < 75 => ($"{Name(i / 4 * 4)}.{Origin} AAAA", "AAAA"),
                    < 82 => ($"{Name(i / 10 * 10)}.{Origin} TXT", "TXT"),
                    < 87 => ($"{Name(i / 20 * 20)}.{Origin} MX", "MX"),
                    < 95 => ($"{Name(i | 1)}.{Origin} AAAA", "NODATA"),
                    _ => ($"{Origin} NS", "NS"),
                };
                if (kind == "NODATA" && (i | 1) >= names)
                {
                    (line, kind) = ($"{Name(i)}.{Origin} A", "A");
                }
            }

            file.WriteLine(line);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        return string.Join(", ", kinds.Select(k => string.Create(Inv, $"{k.Key} {k.Value:N0}")));
    }

    /// <summary>
    /// Reads a zone file written by <see cref="Write"/> (one record per line: owner TTL IN type
    /// data) into a <see cref="DnsZone"/>: the SOA line becomes the settings, the apex NS and their
    /// addresses the name servers, every other line a record. With <paramref name="signing"/> the
    /// zone is signed as it is built.
    /// </summary>
    public static DnsZone Read(string path, ZoneSigning? signing = null)
    {
        string? origin = null;
        SoaSettings? soa = null;
        var servers = new List<string>();
        var lines = new List<string[]>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == ';')
            {
                continue;
            }

            if (line.StartsWith("$ORIGIN ", StringComparison.Ordinal))
            {
                origin = line["$ORIGIN ".Length..].Trim();
                continue;
            }

            var f = line.Split(' ', 5, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 5 || f[2] != "IN")
            {
                throw new FormatException($"{path}: not 'owner ttl IN type data': {line}");
            }

            switch (f[3])
            {
                case "SOA":
                    var s = f[4].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    soa = new SoaSettings(s[0], s[1], U(s[2]), U(s[3]), U(s[4]), U(s[5]), U(s[6]), U(f[1]));
                    break;
                case "NS" when f[0] == "@":
                    servers.Add(f[4]);
                    break;
                default:
                    lines.Add(f);
                    break;
            }
        }

        if (origin is null || soa is null)
        {
            throw new FormatException($"{path}: no $ORIGIN or no SOA");
        }

        var glue = servers.ToDictionary(s => s, _ => new List<string>(), StringComparer.OrdinalIgnoreCase);
        var records = new List<ZoneRecord>(lines.Count);
        foreach (var f in lines)
        {
            var type = Enum.Parse<RecordType>(f[3]);
            var absolute = f[0] == "@" ? origin : f[0].EndsWith('.') ? f[0] : $"{f[0]}.{origin}";
            if (type is RecordType.A or RecordType.AAAA && glue.TryGetValue(absolute, out var addresses))
            {
                addresses.Add(f[4]);
                continue;
            }

            records.Add(new ZoneRecord(f[0], type, U(f[1]), f[4]));
        }

        var nameServers = servers.Select(s => new NameServer(s, glue[s])).ToList();
        return DnsZone.Create(origin, soa, nameServers, records, signing);
    }

    private static uint U(string value) => uint.Parse(value, NumberStyles.None, Inv);
}
