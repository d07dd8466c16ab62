using Roundtable.Application.Execution;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Node.Chain;

/// <summary>Where a transaction stands.</summary>
public enum TxStatus
{
    /// <summary>Never seen (or forgotten after a restart while pending).</summary>
    Unknown,

    /// <summary>Waiting in the mempool.</summary>
    Pending,

    /// <summary>In a committed block (its result says whether it executed).</summary>
    Committed,

    /// <summary>Refused by the mempool or dropped from it.</summary>
    Rejected,
}

/// <summary>The answer to "what happened to transaction X".</summary>
/// <param name="Status">Where it stands.</param>
/// <param name="Transaction">The transaction, when known.</param>
/// <param name="Height">Block height when committed.</param>
/// <param name="Index">Position in the block when committed.</param>
/// <param name="Result">Execution result when committed, refusal when rejected.</param>
public sealed record TxLookup(TxStatus Status, Transaction? Transaction, ulong Height, int Index, TxResult? Result);
