using Roundtable.Application.Execution;

namespace Roundtable.Mempool;

/// <summary>The answer to a submission: admitted, or refused with a code and reason.</summary>
/// <param name="Result">Ok when admitted.</param>
public sealed record MempoolAdmission(TxResult Result)
{
    /// <summary>True when the transaction now waits in the mempool.</summary>
    public bool Admitted => Result.IsOk;
}
