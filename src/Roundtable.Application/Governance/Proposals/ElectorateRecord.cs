using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>One elector as fixed when voting opened: member id, group and region then.</summary>
/// <param name="Member">The member id.</param>
/// <param name="Group">The stakeholder group at opening.</param>
/// <param name="Region">The region at opening.</param>
public sealed record ElectorEntry(Hash256 Member, string Group, string Region);

/// <summary>
/// One elector's entry, also stored under its own key when voting opens so that admitting a
/// ballot is one lookup instead of reading the whole electorate.
/// </summary>
/// <param name="Group">The stakeholder group at opening.</param>
/// <param name="Region">The region at opening.</param>
public sealed record ElectorMark(string Group, string Region) : ICanonical<ElectorMark>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteString(Group);
        writer.WriteString(Region);
    }

    /// <inheritdoc />
    public static ElectorMark Decode(ref CanonicalReader reader) => new(Identifier.Read(ref reader, "group"), Identifier.Read(ref reader, "region"));
}

/// <summary>A proposal's electorate, stored when voting opens and never rebuilt: the verified active members of that moment, ascending by id.</summary>
/// <param name="Electors">The electors.</param>
public sealed record ElectorateRecord(IReadOnlyList<ElectorEntry> Electors) : ICanonical<ElectorateRecord>
{
    /// <summary>Largest electorate kept.</summary>
    public const int MaxElectors = 1_000_000;

    /// <summary>The tallying library's electorate.</summary>
    public Electorate ToElectorate() => new(Electors.Select(e => new Voter(e.Member, e.Group, e.Region)));

    /// <summary>The elector with id <paramref name="member"/>, or null (binary search).</summary>
    public ElectorEntry? Find(Hash256 member)
    {
        int lo = 0, hi = Electors.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var c = Electors[mid].Member.CompareTo(member);
            if (c == 0)
            {
                return Electors[mid];
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) =>
        writer.WriteList(Electors, static (w, e) =>
        {
            w.WriteHash(e.Member);
            w.WriteString(e.Group);
            w.WriteString(e.Region);
        });

    /// <inheritdoc />
    public static ElectorateRecord Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxElectors, "electorate size");
        var electors = new ElectorEntry[count];
        for (var i = 0; i < count; i++)
        {
            electors[i] = new ElectorEntry(reader.ReadHash(), Identifier.Read(ref reader, "group"), Identifier.Read(ref reader, "region"));
            if (i > 0 && electors[i - 1].Member >= electors[i].Member)
            {
                throw new DecodeException(DecodeError.NonCanonical, "Electors must be unique and ascending.");
            }
        }

        return new ElectorateRecord(electors);
    }
}
