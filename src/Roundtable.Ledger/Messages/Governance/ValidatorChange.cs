using Roundtable.Core.Encoding;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>The complete new validator set (power is reassigned by stakeholder group on execution).</summary>
/// <param name="Validators">1..<see cref="ValidatorSet.MaxValidators"/> validators.</param>
public sealed record ValidatorChange(IReadOnlyList<Validator> Validators) : ProposalAction
{
    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.ValidatorChange;

    /// <summary>Reads the body.</summary>
    public static ValidatorChange DecodeBody(ref CanonicalReader reader)
    {
        var count = reader.ReadLength(ValidatorSet.MaxValidators, "validator count");
        if (count == 0)
        {
            throw new DecodeException(DecodeError.InvalidValue, "A validator set is not empty.");
        }

        var validators = new Validator[count];
        for (var i = 0; i < count; i++)
        {
            validators[i] = Validator.Decode(ref reader);
        }

        return new ValidatorChange(validators);
    }

    /// <inheritdoc />
    public bool Equals(ValidatorChange? other) => other is not null && Validators.SequenceEqual(other.Validators);

    /// <inheritdoc />
    public override int GetHashCode() => Validators.Count;

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer) => writer.WriteList(Validators, static (w, v) => v.Encode(w));
}
