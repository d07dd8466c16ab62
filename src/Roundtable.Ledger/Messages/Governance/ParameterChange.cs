using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// New parameter values, as canonical encodings the application decodes and validates (chain
/// parameters and governance rules are application records). An empty encoding leaves that part
/// unchanged; at least one is present. Changing the governance rules is constitutional: it is
/// decided under the constitutional rule.
/// </summary>
/// <param name="ChainParameters">Encoded new chain parameters, or empty.</param>
/// <param name="GovernanceParameters">Encoded new governance rules, or empty.</param>
public sealed record ParameterChange(byte[] ChainParameters, byte[] GovernanceParameters) : ProposalAction
{
    /// <summary>Largest encoding of either part.</summary>
    public const int MaxEncodedBytes = 16 * 1024;

    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.ParameterChange;

    /// <summary>True when the governance rules change (the constitutional rule applies).</summary>
    public bool IsConstitutional => GovernanceParameters.Length > 0;

    /// <summary>Reads the body.</summary>
    public static ParameterChange DecodeBody(ref CanonicalReader reader)
    {
        var chain = reader.ReadBytes(MaxEncodedBytes, "chain parameters").ToArray();
        var governance = reader.ReadBytes(MaxEncodedBytes, "governance parameters").ToArray();
        return chain.Length == 0 && governance.Length == 0
            ? throw new DecodeException(DecodeError.InvalidValue, "A parameter change changes something.")
            : new ParameterChange(chain, governance);
    }

    /// <inheritdoc />
    public bool Equals(ParameterChange? other) =>
        other is not null && ChainParameters.AsSpan().SequenceEqual(other.ChainParameters) && GovernanceParameters.AsSpan().SequenceEqual(other.GovernanceParameters);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ChainParameters.Length, GovernanceParameters.Length);

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteBytes(ChainParameters);
        writer.WriteBytes(GovernanceParameters);
    }
}
