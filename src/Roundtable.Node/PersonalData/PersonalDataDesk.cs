using Roundtable.Application.PersonalData;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.PersonalData;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.PersonalData;

/// <summary>
/// Where disclosures arrive, from a client (the API) or a peer (gossip): each is checked against
/// its commitment and the committed state, then kept in the erasable store. A newly kept one is
/// announced through <see cref="Kept"/> so that the node passes it on to its peers.
/// </summary>
public sealed class PersonalDataDesk
{
    private readonly ChainState _chain;

    /// <summary>A desk keeping into <paramref name="store"/> what <paramref name="chain"/>'s state allows.</summary>
    public PersonalDataDesk(ChainState chain, PersonalDataStore store)
    {
        _chain = chain;
        Store = store;
    }

    /// <summary>The erasable store.</summary>
    public PersonalDataStore Store { get; }

    /// <summary>Raised after a disclosure is newly stored (never with a refused one).</summary>
    public event Action<Hash256, Disclosure>? Kept;

    /// <summary>Why <paramref name="disclosure"/> may not be kept for <paramref name="commitment"/>, or null when it may.</summary>
    public DisclosureRefusal? Check(Hash256 commitment, Disclosure disclosure)
    {
        if (!disclosure.Opens(commitment))
        {
            return DisclosureRefusal.Mismatch;
        }

        var record = _chain.Query(app => app.GetPersonalField(commitment));
        return record is null ? DisclosureRefusal.UnknownField
            : record.Field != disclosure.Field ? DisclosureRefusal.WrongField
            : record.IsWithdrawn ? DisclosureRefusal.Withdrawn
            : null;
    }

    /// <summary>
    /// Walks at most <paramref name="scanLimit"/> fields in commitment order after
    /// <paramref name="after"/> (from the first when null) and returns the standing ones (recorded,
    /// not withdrawn) whose values this node does not hold, at most <paramref name="limit"/>, with
    /// where the next walk resumes (null: the walk reached the last field). The walk reads a
    /// frozen state, so the chain's lock is held only to take it.
    /// </summary>
    public MissingValues Missing(Hash256? after, int limit, int scanLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scanLimit, limit);
        var state = _chain.Query(app => app.Snapshot());
        var missing = new List<Hash256>();
        var scanned = 0;
        foreach (var field in PersonalDataModule.Fields(state, after))
        {
            if (!field.IsWithdrawn && !Store.Holds(field.Commitment))
            {
                missing.Add(field.Commitment);
            }

            if (++scanned == scanLimit || missing.Count == limit)
            {
                return new MissingValues(missing, field.Commitment);
            }
        }

        return new MissingValues(missing, null);
    }

    /// <summary>The values asked for that this node holds and whose fields still stand, each once, in the order asked.</summary>
    public IReadOnlyList<Disclosure> Serve(IEnumerable<Hash256> commitments)
    {
        var state = _chain.Query(app => app.Snapshot());
        return [.. commitments.Distinct()
            .Select(Store.Read)
            .OfType<Disclosure>()
            .Where(d => PersonalDataModule.GetField(state, d.Commitment) is { IsWithdrawn: false })];
    }

    /// <summary>Keeps a disclosure that passed <see cref="Check"/>, unless its field was withdrawn meanwhile.</summary>
    public KeepOutcome Keep(Hash256 commitment, Disclosure disclosure)
    {
        var outcome = Store.Keep(disclosure, () => _chain.Query(app => app.GetPersonalField(commitment)) is { IsWithdrawn: false });
        if (outcome == KeepOutcome.Stored)
        {
            Kept?.Invoke(commitment, disclosure);
        }

        return outcome;
    }
}
