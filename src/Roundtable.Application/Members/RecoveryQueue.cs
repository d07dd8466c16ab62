using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Members;

/// <summary>A scheduled recovery: when it becomes due and for whom.</summary>
/// <param name="ReadyAtMs">Block time at which the key is replaced.</param>
/// <param name="Member">The member.</param>
public sealed record ScheduledRecovery(ulong ReadyAtMs, Hash256 Member);

/// <summary>Recoveries ordered by due time then member id, so they complete in one deterministic order.</summary>
/// <param name="Entries">Ascending entries.</param>
public sealed record RecoveryQueue(IReadOnlyList<ScheduledRecovery> Entries) : ICanonical<RecoveryQueue>
{
    /// <summary>The empty queue.</summary>
    public static RecoveryQueue Empty { get; } = new([]);

    /// <summary>A queue with <paramref name="entry"/> inserted in order.</summary>
    public RecoveryQueue With(ScheduledRecovery entry) =>
        new([.. Entries.Append(entry).OrderBy(e => e.ReadyAtMs).ThenBy(e => e.Member)]);

    /// <summary>A queue without entries for <paramref name="member"/>.</summary>
    public RecoveryQueue Without(Hash256 member) => new([.. Entries.Where(e => e.Member != member)]);

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) =>
        writer.WriteList(Entries, static (w, e) =>
        {
            w.WriteVarUInt(e.ReadyAtMs);
            w.WriteHash(e.Member);
        });

    /// <inheritdoc />
    public static RecoveryQueue Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(1_000_000, "recovery queue length");
        var entries = new ScheduledRecovery[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new ScheduledRecovery(reader.ReadVarUInt(), reader.ReadHash());
        }

        return new RecoveryQueue(entries);
    }
}
