using Roundtable.Core.Encoding;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// What a proposal does if it passes, one record per <see cref="ProposalKind"/>. Encoding: the
/// kind byte, then the kind's body.
/// </summary>
public abstract record ProposalAction
{
    /// <summary>The kind.</summary>
    public abstract ProposalKind Kind { get; }

    /// <summary>Writes the kind byte and the body.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteByte((byte)Kind);
        EncodeBody(writer);
    }

    /// <summary>Reads a kind byte and the matching body.</summary>
    public static ProposalAction Decode(ref CanonicalReader reader)
    {
        var kind = reader.ReadByte();
        return (ProposalKind)kind switch
        {
            ProposalKind.Recommendation => new Recommendation(),
            ProposalKind.BestPractice => BestPracticeSelection.DecodeBody(ref reader),
            ProposalKind.ParameterChange => ParameterChange.DecodeBody(ref reader),
            ProposalKind.ValidatorChange => ValidatorChange.DecodeBody(ref reader),
            ProposalKind.SoftwareUpgrade => SoftwareUpgrade.DecodeBody(ref reader),
            ProposalKind.EmergencyPause => EmergencyPause.DecodeBody(ref reader),
            ProposalKind.AnchorWithdrawal => AnchorWithdrawal.DecodeBody(ref reader),
            ProposalKind.ZoneChange => ZoneChange.DecodeBody(ref reader),
            ProposalKind.DisputeAppeal => DisputeAppeal.DecodeBody(ref reader),
            ProposalKind.Assessment => Assessment.DecodeBody(ref reader),
            _ => throw new DecodeException(DecodeError.InvalidValue, $"Proposal kind {kind} is unknown."),
        };
    }

    /// <summary>Writes the body.</summary>
    protected abstract void EncodeBody(CanonicalWriter writer);
}

/// <summary>A recommendation: adopting the pinned document is the whole effect.</summary>
public sealed record Recommendation : ProposalAction
{
    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.Recommendation;

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer)
    {
    }
}
