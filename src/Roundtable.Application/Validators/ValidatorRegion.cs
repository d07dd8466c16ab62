using System.Text;
using Roundtable.Application.State;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Ledger;

namespace Roundtable.Application.Validators;

/// <summary>
/// The region a validator's operator declared, kept beside the validator set rather than in it: the
/// set's encoding is hashed into every header, while the region only serves the power checks. State
/// key <c>validator-region/&lt;key id&gt;</c>; encoding <c>string(region)</c> (an
/// <see cref="Identifier"/>). A validator without this record has the region <see cref="Unspecified"/>.
/// </summary>
/// <param name="Region">A region id declared in the parameters.</param>
public sealed record ValidatorRegion(string Region) : ICanonical<ValidatorRegion>
{
    /// <summary>The region reported for a validator whose operator declared none.</summary>
    public const string Unspecified = "unspecified";

    /// <summary>State key of the region of the validator with <paramref name="validator"/> as its key.</summary>
    public static byte[] StateKey(PublicKey validator) => Encoding.ASCII.GetBytes("validator-region/" + validator.Id);

    /// <summary>The declared region of <paramref name="validator"/>, or <see cref="Unspecified"/>.</summary>
    public static string Of(StateView state, PublicKey validator) =>
        state.Get<ValidatorRegion>(StateKey(validator))?.Region ?? Unspecified;

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteString(Region);

    /// <inheritdoc />
    public static ValidatorRegion Decode(ref CanonicalReader reader) => new(Identifier.Read(ref reader, "validator region"));
}
