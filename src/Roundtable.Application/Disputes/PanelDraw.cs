using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Disputes;

/// <summary>
/// The panel draw, reproducible by anyone from the dispute record and one block header. Every
/// candidate gets the score SHA-256("roundtable/dispute-draw/v1" ‖ dispute id ‖ seed block id ‖
/// member id); lower scores are drawn first. The seed is the id of the block after the filing,
/// which the claimant could not know when filing. With a panel size of 0 each stakeholder group
/// (in the parameters' order) seats its lowest-scoring candidate; otherwise the lowest scores
/// overall take the seats. A panelist who declares a conflict is replaced by the lowest-scoring
/// unseated candidate of the same group, else of any group.
/// </summary>
public static class PanelDraw
{
    /// <summary>A candidate's score: the draw takes lower scores first.</summary>
    public static Hash256 Score(Hash256 dispute, Hash256 seed, Hash256 member)
    {
        var writer = new CanonicalWriter(128);
        writer.WriteFixed("roundtable/dispute-draw/v1"u8);
        writer.WriteHash(dispute);
        writer.WriteHash(seed);
        writer.WriteHash(member);
        return Hash256.Compute(writer.WrittenSpan);
    }

    /// <summary>The candidates in draw order (lowest score first).</summary>
    public static IReadOnlyList<Candidate> Order(Hash256 dispute, Hash256 seed, IReadOnlyList<Candidate> candidates) =>
        [.. candidates.OrderBy(c => Score(dispute, seed, c.Member)).ThenBy(c => c.Member)];

    /// <summary>
    /// The first panel: <paramref name="panelSize"/> seats from the draw order, or with 0 one seat per
    /// group of <paramref name="groups"/> that has a candidate. Sorted by member id.
    /// </summary>
    public static IReadOnlyList<Hash256> Seat(Hash256 dispute, Hash256 seed, IReadOnlyList<Candidate> candidates, IReadOnlyList<string> groups, uint panelSize)
    {
        var order = Order(dispute, seed, candidates);
        var seated = panelSize == 0
            ? groups.Select(g => order.FirstOrDefault(c => c.Group == g)).OfType<Candidate>()
            : order.Take((int)panelSize);
        return [.. seated.Select(c => c.Member).Order()];
    }

    /// <summary>
    /// Who replaces <paramref name="leaving"/>: the first candidate in draw order who is not seated and
    /// not in <paramref name="excluded"/>, of the leaver's group when there is one; null when nobody is left.
    /// </summary>
    public static Hash256? Replacement(Hash256 dispute, Hash256 seed, IReadOnlyList<Candidate> candidates, IReadOnlyList<Hash256> panel, IReadOnlyList<Hash256> excluded, Hash256 leaving)
    {
        var group = candidates.FirstOrDefault(c => c.Member == leaving)?.Group;
        var free = Order(dispute, seed, candidates).Where(c => c.Member != leaving && !panel.Contains(c.Member) && !excluded.Contains(c.Member)).ToList();
        return (free.FirstOrDefault(c => c.Group == group) ?? free.FirstOrDefault())?.Member;
    }
}
