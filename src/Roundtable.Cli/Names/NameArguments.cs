using System.Globalization;
using System.Text.Json;
using Roundtable.Cli.Infrastructure;
using Roundtable.Dns;
using Roundtable.Ledger.Names;
using Roundtable.Node.Hosting;

namespace Roundtable.Cli.Names;

/// <summary>
/// A registered name as people write it (<c>alice.forum.internal</c>) and its records as zone-file
/// lines (<c>www 300 A 192.0.2.1</c>), turned into what the chain takes, with messages that name the option.
/// </summary>
internal static class NameArguments
{
    /// <summary>The zone and label of a full name; the final dot is optional.</summary>
    public static (string Zone, string Label) Name(string? text, string option)
    {
        var name = (text ?? "").Trim().ToLowerInvariant();
        name = name.EndsWith('.') ? name : name + ".";
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == name.Length - 1 || DomainNames.OriginProblem(name) is not null)
        {
            throw new CliException($"{option} '{text}' is not a name in a zone, such as alice.forum.internal.", "invalid-argument");
        }

        return (name[(dot + 1)..], name[..dot]);
    }

    /// <summary>A zone policy from a JSON file in the form of genesis.json's "zones" entries; its origin must be <paramref name="origin"/>.</summary>
    public static ZonePolicy Policy(string file, string origin)
    {
        try
        {
            var document = JsonSerializer.Deserialize<GenesisDocument.ZoneDocument>(File.ReadAllText(file), NodeJson.Files)
                ?? throw new CliException($"--policy {file} is empty.", "invalid-argument");
            var policy = document.ToPolicy();
            return policy.Origin == origin
                ? policy
                : throw new CliException($"--policy {file} is for zone {policy.Origin}, not {origin}.", "invalid-argument");
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException or OverflowException)
        {
            throw new CliException($"--policy {file}: {e.Message}", "invalid-argument");
        }
    }

    /// <summary>
    /// A record line: <c>[owner] [ttl] TYPE data</c>. The owner is relative to the registered name
    /// ("@" or none for the name itself, "www", "*"); the TTL defaults to <paramref name="defaultTtl"/>.
    /// </summary>
    public static NameRecord Record(string line, string zone, uint defaultTtl, string option)
    {
        var (first, rest) = SplitFirst(line);
        var owner = "";
        if (first.Length > 0 && !IsType(first) && !IsTtl(first))
        {
            owner = first == "@" ? "" : first.ToLowerInvariant();
            (first, rest) = SplitFirst(rest);
        }

        var ttl = defaultTtl;
        if (IsTtl(first))
        {
            ttl = uint.Parse(first, NumberStyles.None, CultureInfo.InvariantCulture);
            (first, rest) = SplitFirst(rest);
        }

        if (!IsType(first) || rest.Length == 0)
        {
            throw new CliException($"{option} '{line}' is not a record: write '[owner] [ttl] TYPE data', e.g. 'www 300 A 192.0.2.1' (types: {string.Join(", ", Enum.GetNames<DnsRecordType>())}).", "invalid-argument");
        }

        var type = Enum.Parse<DnsRecordType>(first, ignoreCase: true);
        try
        {
            return new NameRecord(owner, type, ttl, RecordText.ToWire((RecordType)(ushort)type, rest, zone));
        }
        catch (DnsZoneException e)
        {
            throw new CliException($"{option} '{line}': {e.Message}.", "invalid-argument");
        }
    }

    private static (string Head, string Tail) SplitFirst(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOfAny([' ', '\t']);
        return end < 0 ? (trimmed, "") : (trimmed[..end], trimmed[end..].Trim());
    }

    private static bool IsType(string text) =>
        text.Length > 0 && !char.IsAsciiDigit(text[0]) && Enum.TryParse<DnsRecordType>(text, ignoreCase: true, out var type) && Enum.IsDefined(type);

    private static bool IsTtl(string text) => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
