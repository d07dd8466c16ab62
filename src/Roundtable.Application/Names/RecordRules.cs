using Roundtable.Ledger.Names;

namespace Roundtable.Application.Names;

/// <summary>
/// What a name's records may be under its zone's policy: how many, which types, valid data, owners
/// that are names (wildcards only where the zone allows them), a CNAME alone at its owner, and a
/// delegation (NS, with its DS) only at the registered name itself, with only addresses (glue)
/// below it, since the holder's own servers answer for the rest.
/// </summary>
public static class RecordRules
{
    /// <summary>Null when <paramref name="records"/> may be published in <paramref name="zone"/>; otherwise the first reason why not.</summary>
    public static string? Problem(ZonePolicy zone, IReadOnlyList<NameRecord> records)
    {
        if (records.Count > zone.MaxRecordsPerName)
        {
            return $"A name in {zone.Origin} carries at most {zone.MaxRecordsPerName} records.";
        }

        foreach (var record in records)
        {
            if (!zone.AllowedTypes.Contains(record.Type))
            {
                return $"{record.Type} records are not allowed in {zone.Origin} (allowed: {string.Join(", ", zone.AllowedTypes)}).";
            }

            if (OwnerProblem(zone, record.Owner) is { } ownerProblem)
            {
                return $"Record owner '{record.Owner}': {ownerProblem}.";
            }

            if (record.Ttl is 0 or > NameRecord.MaxTtl)
            {
                return $"A TTL is 1 to {NameRecord.MaxTtl} seconds.";
            }

            if (RecordData.Problem(record.Type, record.Data) is { } dataProblem)
            {
                return $"The {record.Type} record at '{record.Owner}': {dataProblem}.";
            }

            if (records.Count(r => r.Owner == record.Owner && r.Type == record.Type && r.Data.AsSpan().SequenceEqual(record.Data)) > 1)
            {
                return $"The {record.Type} record at '{record.Owner}' is given twice.";
            }
        }

        foreach (var owner in records.Select(r => r.Owner).Distinct(StringComparer.Ordinal))
        {
            var atOwner = records.Where(r => r.Owner == owner).ToList();
            if (atOwner.Any(r => r.Type == DnsRecordType.CNAME) && atOwner.Count > 1)
            {
                return $"A CNAME stands alone at its owner ('{owner}').";
            }

            if (owner.Length > 0 && atOwner.Any(r => r.Type is DnsRecordType.NS or DnsRecordType.DS))
            {
                return "NS and DS records delegate the registered name itself (owner ''), not a name under it.";
            }
        }

        var delegated = records.Any(r => r.Owner.Length == 0 && r.Type == DnsRecordType.NS);
        if (records.Any(r => r.Type == DnsRecordType.DS) && !delegated)
        {
            return "A DS record goes with the NS records of a delegation.";
        }

        if (delegated && records.Any(r => (r.Owner.Length == 0 && r.Type is not (DnsRecordType.NS or DnsRecordType.DS))
            || (r.Owner.Length > 0 && r.Type is not (DnsRecordType.A or DnsRecordType.AAAA))))
        {
            return "A delegated name publishes only NS and DS, and addresses (glue) for its name servers below it.";
        }

        return null;
    }

    private static string? OwnerProblem(ZonePolicy zone, string owner)
    {
        if (owner.Length == 0)
        {
            return null;
        }

        var rest = owner;
        if (owner == "*" || owner.StartsWith("*.", StringComparison.Ordinal))
        {
            if (!zone.AllowWildcards)
            {
                return $"wildcards are not allowed in {zone.Origin}";
            }

            if (owner == "*")
            {
                return null;
            }

            rest = owner[2..];
        }

        return DomainNames.RelativeProblem(rest, allowUnderscore: true);
    }
}
