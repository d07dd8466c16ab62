using Roundtable.Application;
using Roundtable.Application.Execution;
using Roundtable.Application.PersonalData;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Transactions;

namespace Roundtable.Portal.Reading;

/// <summary>
/// What the portal may read from the node it runs in: committed state and stored blocks, never a
/// write. The node implements it over its chain state (the portal cannot reference the node, which
/// hosts it), so data keeps flowing one way: the portal only ever reads what consensus committed.
/// </summary>
public interface IChainReader
{
    /// <summary>The chain's genesis hash: the trust anchor a proof bundle is checked against.</summary>
    Hash256 GenesisHash { get; }

    /// <summary>Runs a read-only query against the committed application state (the same views the API uses).</summary>
    T Query<T>(Func<LedgerApplication, T> read);

    /// <summary>The committed block at <paramref name="height"/>, or null when there is none.</summary>
    CommittedBlock? ReadBlock(ulong height);

    /// <summary>Where a transaction stands on this node.</summary>
    TransactionLookup FindTransaction(Hash256 hash);

    /// <summary>Where this node's authoritative DNS server listens, or null when it runs none.</summary>
    System.Net.IPEndPoint? DnsEndPoint { get; }

    /// <summary>The personal values this node holds beside the chain (docs/personal-data.md): shown only while available.</summary>
    IDisclosedValues Disclosed { get; }
}

/// <summary>A committed block, the commit that decided it and one result per transaction.</summary>
public sealed record CommittedBlock(Block Block, Commit Commit, IReadOnlyList<TxResult> Results);

/// <summary>Where a transaction stands: never seen, waiting, in a block (with its result), or refused.</summary>
public enum TransactionStanding
{
    /// <summary>Not known to this node.</summary>
    Unknown,

    /// <summary>Waiting to be put in a block.</summary>
    Pending,

    /// <summary>In a committed block; its result says whether it took effect.</summary>
    Committed,

    /// <summary>Refused before reaching a block.</summary>
    Rejected,
}

/// <summary>A transaction's standing, with the transaction, its place and its result when known.</summary>
public sealed record TransactionLookup(TransactionStanding Standing, Transaction? Transaction, ulong Height, int Index, TxResult? Result);
