namespace Roundtable.Ledger.Transactions;

/// <summary>Size limits that every decoder and the mempool enforce.</summary>
public static class TransactionLimits
{
    /// <summary>Largest encoded transaction, in bytes (room for a 64 KiB document plus envelope).</summary>
    public const int MaxEncodedSize = 96 * 1024;

    /// <summary>The only transaction format version this software writes and accepts.</summary>
    public const byte Version = 1;
}
