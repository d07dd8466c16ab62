using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>A proposal's next timed transition.</summary>
/// <param name="DueMs">Block time at which it happens.</param>
/// <param name="Proposal">The proposal.</param>
public sealed record DueTransition(ulong DueMs, Hash256 Proposal);

/// <summary>Timed transitions ordered by due time then proposal id, so every node runs them in one order. One entry per proposal.</summary>
/// <param name="Entries">Ascending entries.</param>
public sealed record DueQueue(IReadOnlyList<DueTransition> Entries) : ICanonical<DueQueue>
{
    /// <summary>The empty queue.</summary>
    public static DueQueue Empty { get; } = new([]);

    /// <summary>The queue with the proposal's entry set to <paramref name="dueMs"/>.</summary>
    public DueQueue With(Hash256 proposal, ulong dueMs) =>
        new([.. Entries.Where(e => e.Proposal != proposal).Append(new DueTransition(dueMs, proposal)).OrderBy(e => e.DueMs).ThenBy(e => e.Proposal)]);

    /// <summary>The queue without the proposal's entry.</summary>
    public DueQueue Without(Hash256 proposal) => new([.. Entries.Where(e => e.Proposal != proposal)]);

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) =>
        writer.WriteList(Entries, static (w, e) =>
        {
            w.WriteVarUInt(e.DueMs);
            w.WriteHash(e.Proposal);
        });

    /// <inheritdoc />
    public static DueQueue Decode(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(1_000_000, "due queue length");
        var entries = new DueTransition[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new DueTransition(reader.ReadVarUInt(), reader.ReadHash());
        }

        return new DueQueue(entries);
    }
}
