using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.WorkingGroups;

/// <summary>An active group's sunset date.</summary>
/// <param name="SunsetMs">Block time at which it is marked sunset.</param>
/// <param name="Group">The group.</param>
public sealed record ScheduledSunset(ulong SunsetMs, Hash256 Group);

/// <summary>Active working groups ordered by sunset date then id, so sunsets apply in one deterministic order.</summary>
/// <param name="Entries">Ascending entries.</param>
public sealed record SunsetQueue(IReadOnlyList<ScheduledSunset> Entries) : ICanonical<SunsetQueue>
{
    /// <summary>Most active working groups at once.</summary>
    public const int MaxActive = 10_000;

    /// <summary>The empty queue.</summary>
    public static SunsetQueue Empty { get; } = new([]);

    /// <summary>A queue with <paramref name="entry"/> inserted in order.</summary>
    public SunsetQueue With(ScheduledSunset entry) =>
        new([.. Entries.Append(entry).OrderBy(e => e.SunsetMs).ThenBy(e => e.Group)]);

    /// <summary>A queue without <paramref name="group"/>.</summary>
    public SunsetQueue Without(Hash256 group) => new([.. Entries.Where(e => e.Group != group)]);

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) =>
        writer.WriteList(Entries, static (w, e) =>
        {
            w.WriteVarUInt(e.SunsetMs);
            w.WriteHash(e.Group);
        });

    /// <inheritdoc />
    public static SunsetQueue Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(MaxActive, "sunset queue length");
        var entries = new ScheduledSunset[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new ScheduledSunset(reader.ReadVarUInt(), reader.ReadHash());
        }

        return new SunsetQueue(entries);
    }
}
