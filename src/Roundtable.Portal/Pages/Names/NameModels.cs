using System.Text;
using Roundtable.Application;
using Roundtable.Application.Members;
using Roundtable.Application.Names;
using Roundtable.Application.Parameters;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Names;

namespace Roundtable.Portal.Pages.Names;

/// <summary>A co-governed zone with the first of its registered names.</summary>
/// <param name="Policy">The zone's rules.</param>
/// <param name="ChangedAtHeight">The last height that changed what it serves (its SOA serial).</param>
/// <param name="Names">Its names in label order, at most <see cref="NamesModel.NamesPerZone"/>.</param>
/// <param name="Truncated">Whether it has more names than are shown.</param>
public sealed record ZoneView(ZonePolicy Policy, ulong ChangedAtHeight, IReadOnlyList<NameHolding> Names, bool Truncated)
{
    /// <summary>How many operators sign it with an active DNSSEC key (0: unsigned).</summary>
    public int SigningOperators => Policy.SigningKeys.Where(k => k.Active).Select(k => k.Operator).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>Every zone and its names, the members holding them, and the time names are judged live at.</summary>
/// <param name="Zones">The zones in origin order.</param>
/// <param name="Members">The holders, by id (a holder missing here is shown by its short id).</param>
/// <param name="Parameters">The chain's groups and regions, to name them.</param>
/// <param name="NowMs">The last block's time: a name resolves when it expires after it.</param>
/// <param name="DnsEndPoint">This node's DNS server, or null when it runs none.</param>
public sealed record NamesModel(IReadOnlyList<ZoneView> Zones, IReadOnlyDictionary<Hash256, MemberRecord> Members, ChainParameters Parameters, ulong NowMs, System.Net.IPEndPoint? DnsEndPoint = null)
{
    /// <summary>The most names shown per zone; the rest are in the raw data.</summary>
    public const int NamesPerZone = 200;

    /// <summary>Reads every zone and up to <see cref="NamesPerZone"/> of its names from committed state.</summary>
    public static NamesModel Read(LedgerApplication app)
    {
        var zones = app.ListZones()
            .Select(z =>
            {
                var names = app.ListNames(z.Origin, NamesPerZone + 1);
                return new ZoneView(z, app.GetZoneVersion(z.Origin).ChangedAtHeight, [.. names.Take(NamesPerZone)], names.Count > NamesPerZone);
            })
            .ToList();
        var members = zones.SelectMany(z => z.Names).Select(n => n.Holder).Distinct()
            .Select(app.GetMember).OfType<MemberRecord>().ToDictionary(m => m.Id);
        return new NamesModel(zones, members, app.Parameters, app.LastBlockTimeMs);
    }
}

/// <summary>One registered name, its zone's rules and the members holding it or offered it.</summary>
/// <param name="Name">The name.</param>
/// <param name="Zone">Its zone's rules.</param>
/// <param name="Members">The holder and the member it is offered to, by id, when they are members.</param>
/// <param name="Parameters">The chain's groups and regions, to name them.</param>
/// <param name="NowMs">The last block's time.</param>
public sealed record NameModel(NameHolding Name, ZonePolicy? Zone, IReadOnlyDictionary<Hash256, MemberRecord> Members, ChainParameters Parameters, ulong NowMs)
{
    /// <summary>The state key that holds the name, as a proof request names it: <c>name/forum.internal./alice</c>.</summary>
    public string StateKey => Encoding.ASCII.GetString(NameKeys.Name(Name.Zone, Name.Label));

    /// <summary>Whether it resolves now (at the last block's time).</summary>
    public bool Resolves => Name.IsLiveAt(NowMs);

    /// <summary>
    /// <paramref name="typed"/> as an absolute lower-case name (<c>alice.forum.internal.</c>), or null when it
    /// cannot be a registered name: not a domain name, or a single label.
    /// </summary>
    public static string? Normalize(string typed)
    {
        var name = typed.Trim().ToLowerInvariant();
        if (!name.EndsWith('.'))
        {
            name += ".";
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 || dot == name.Length - 1 || DomainNames.OriginProblem(name) is not null ? null : name;
    }

    /// <summary>Reads the name <paramref name="fullName"/> (already <see cref="Normalize"/>d) from committed state, or null when nobody holds it.</summary>
    public static NameModel? Read(LedgerApplication app, string fullName)
    {
        var dot = fullName.IndexOf('.', StringComparison.Ordinal);
        if (app.GetName(fullName[(dot + 1)..], fullName[..dot]) is not { } name)
        {
            return null;
        }

        var members = new[] { name.Holder }.Concat(name.OfferedTo is { } to ? [to] : [])
            .Distinct().Select(app.GetMember).OfType<MemberRecord>().ToDictionary(m => m.Id);
        return new NameModel(name, app.ListZones().FirstOrDefault(z => z.Origin == name.Zone), members, app.Parameters, app.LastBlockTimeMs);
    }
}
