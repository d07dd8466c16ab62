using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>
/// The fast track: pause <paramref name="Module"/> for <paramref name="DurationMs"/> of block time
/// (it resumes by itself), and/or cancel <paramref name="Cancel"/>, a passed proposal still in its
/// timelock. At least one of the two.
/// </summary>
/// <param name="Module">A module identifier ("members", "sessions"), or empty.</param>
/// <param name="DurationMs">How long the pause lasts; 0 without a module.</param>
/// <param name="Cancel">The proposal to cancel, or zero.</param>
public sealed record EmergencyPause(string Module, ulong DurationMs, Hash256 Cancel) : ProposalAction
{
    /// <inheritdoc />
    public override ProposalKind Kind => ProposalKind.EmergencyPause;

    /// <summary>Reads the body.</summary>
    public static EmergencyPause DecodeBody(ref CanonicalReader reader)
    {
        var module = reader.ReadString(Identifier.MaxLength, "module");
        if (module.Length > 0 && !Identifier.IsValid(module))
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Module '{module}' is not an identifier.");
        }

        var duration = reader.ReadVarUInt();
        var cancel = reader.ReadHash();
        if ((module.Length == 0) != (duration == 0))
        {
            throw new DecodeException(DecodeError.InvalidValue, "A pause names a module and a non-zero duration, or neither.");
        }

        return module.Length == 0 && cancel.IsZero
            ? throw new DecodeException(DecodeError.InvalidValue, "An emergency proposal pauses a module or cancels a proposal.")
            : new EmergencyPause(module, duration, cancel);
    }

    /// <inheritdoc />
    protected override void EncodeBody(CanonicalWriter writer)
    {
        writer.WriteString(Module);
        writer.WriteVarUInt(DurationMs);
        writer.WriteHash(Cancel);
    }
}
