using Roundtable.Core.Encoding;

namespace Roundtable.Application.Execution;

/// <summary>What executing one transaction did: a code and, when refused, the reason.</summary>
/// <param name="Code">The outcome class.</param>
/// <param name="Reason">Empty on success.</param>
public sealed record TxResult(TxCode Code, string Reason) : ICanonical<TxResult>
{
    /// <summary>Longest stored reason, in bytes.</summary>
    public const int MaxReasonBytes = 512;

    /// <summary>The success result.</summary>
    public static TxResult Ok { get; } = new(TxCode.Ok, string.Empty);

    /// <summary>True when executed.</summary>
    public bool IsOk => Code == TxCode.Ok;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteVarUInt((ulong)Code);
        writer.WriteString(Reason);
    }

    /// <inheritdoc />
    public static TxResult Decode(ref CanonicalReader reader) =>
        new((TxCode)reader.ReadVarUInt(100, "result code"), reader.ReadString(MaxReasonBytes, "result reason"));
}
