namespace Roundtable.Application.Execution;

/// <summary>Raised by a message handler to refuse a transaction; the executor discards its writes.</summary>
public sealed class TxRejectedException : Exception
{
    /// <summary>Creates the rejection.</summary>
    public TxRejectedException(TxCode code, string reason)
        : base(reason)
    {
        Code = code;
    }

    /// <summary>Prefer the (code, reason) constructor.</summary>
    public TxRejectedException()
        : this(TxCode.InvalidArgument, "Transaction rejected.")
    {
    }

    /// <summary>Prefer the (code, reason) constructor.</summary>
    public TxRejectedException(string message)
        : this(TxCode.InvalidArgument, message)
    {
    }

    /// <summary>Prefer the (code, reason) constructor.</summary>
    public TxRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = TxCode.InvalidArgument;
    }

    /// <summary>Why.</summary>
    public TxCode Code { get; }
}
