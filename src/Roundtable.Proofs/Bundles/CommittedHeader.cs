using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;

namespace Roundtable.Proofs.Bundles;

/// <summary>
/// A header with the commit that decided it. When the header hands over to a different validator
/// set (its next-set hash differs from its own set hash), the new set travels with it: that is a
/// validator-set link, and the verifier trusts the new set from the next height on.
/// </summary>
/// <param name="Header">The header.</param>
/// <param name="Commit">Precommits for the header's id from more than two thirds of its set's power.</param>
/// <param name="NextValidators">The next set, present exactly when the header changes the set.</param>
public sealed record CommittedHeader(BlockHeader Header, Commit Commit, ValidatorSet? NextValidators)
{
    /// <summary>True when the header hands over to a different validator set.</summary>
    public bool ChangesValidators => Header.NextValidatorSetHash != Header.ValidatorSetHash;

    /// <summary>Writes header, commit and the optional next set.</summary>
    public void Encode(CanonicalWriter writer)
    {
        Header.Encode(writer);
        Commit.Encode(writer);
        writer.WriteOptional(NextValidators, static (w, s) => s.Encode(w));
    }

    /// <summary>Reads one entry; the next set must be present exactly when the header changes the set.</summary>
    public static CommittedHeader Decode(ref CanonicalReader reader)
    {
        var header = BlockHeader.Decode(ref reader);
        var commit = Commit.Decode(ref reader);
        var next = reader.ReadOptionalMarker() ? ValidatorSet.Decode(ref reader) : null;
        var entry = new CommittedHeader(header, commit, next);
        if (entry.ChangesValidators != (next is not null))
        {
            throw new DecodeException(
                DecodeError.InvalidValue,
                $"Header {header.Height}: a validator set travels with a header exactly when the header changes the set.");
        }

        return entry;
    }
}
