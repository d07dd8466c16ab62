using Microsoft.Extensions.Logging;
using Roundtable.Ledger.Messages.PersonalData;
using Roundtable.Node.Chain;
using Roundtable.Node.Runtime;

namespace Roundtable.Node.PersonalData;

/// <summary>
/// Erases withdrawn fields from the node's <see cref="PersonalDataStore"/>: at start-up every held
/// value whose field the state says is withdrawn (a crash between commit and erasure leaves none
/// behind), then, as each block commits, every field a withdrawal in it took back. Logs name
/// commitments only, never values.
/// </summary>
public sealed class PersonalDataEraser : IDisposable
{
    private readonly ChainState _chain;
    private readonly PersonalDataStore _store;
    private readonly ILogger _log;

    /// <summary>Sweeps the store now and follows <paramref name="chain"/>'s commits until disposed.</summary>
    public PersonalDataEraser(ChainState chain, PersonalDataStore store, ILogger log)
    {
        _chain = chain;
        _store = store;
        _log = log;
        foreach (var commitment in store.Commitments())
        {
            EraseIfWithdrawn(commitment);
        }

        chain.BlockCommitted += OnCommitted;
    }

    /// <inheritdoc />
    public void Dispose() => _chain.BlockCommitted -= OnCommitted;

    private void OnCommitted(StoredBlock stored)
    {
        foreach (var tx in stored.Block.Transactions)
        {
            if (tx.Message is WithdrawPersonalField withdrawal)
            {
                EraseIfWithdrawn(withdrawal.Commitment);
            }
        }
    }

    private void EraseIfWithdrawn(Core.Hashing.Hash256 commitment)
    {
        if (_chain.Query(app => app.GetPersonalField(commitment)) is { IsWithdrawn: true } && _store.Erase(commitment))
        {
            _log.LogInformation("Erased the value of personal field {Commitment}: withdrawn by its owner", commitment.ToShortString());
        }
    }
}
