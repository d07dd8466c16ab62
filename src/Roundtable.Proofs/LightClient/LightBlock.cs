using Roundtable.Core.Encoding;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;

namespace Roundtable.Proofs.LightClient;

/// <summary>What a light client fetches per height: the header, its commit, the set that decided it and the set it names for the next height.</summary>
/// <param name="Header">The header.</param>
/// <param name="Commit">The commit that decided it.</param>
/// <param name="Validators">The set whose hash is the header's validator-set hash.</param>
/// <param name="NextValidators">The set whose hash is the header's next-validator-set hash.</param>
public sealed record LightBlock(BlockHeader Header, Commit Commit, ValidatorSet Validators, ValidatorSet NextValidators)
{
    /// <summary>Writes header, commit, set and next set.</summary>
    public void Encode(CanonicalWriter writer)
    {
        Header.Encode(writer);
        Commit.Encode(writer);
        Validators.Encode(writer);
        NextValidators.Encode(writer);
    }

    /// <summary>The canonical encoding.</summary>
    public byte[] ToBytes()
    {
        var writer = new CanonicalWriter(4096);
        Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes a light block that is the whole of <paramref name="encoded"/>; the sets must match the header's hashes.</summary>
    /// <exception cref="DecodeException">Malformed, or a set that is not the one the header names.</exception>
    public static LightBlock Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new CanonicalReader(encoded);
        var block = new LightBlock(BlockHeader.Decode(ref reader), Commit.Decode(ref reader), ValidatorSet.Decode(ref reader), ValidatorSet.Decode(ref reader));
        reader.EnsureEnd();
        if (block.Validators.Hash != block.Header.ValidatorSetHash || block.NextValidators.Hash != block.Header.NextValidatorSetHash)
        {
            throw new DecodeException(DecodeError.InvalidValue, $"Light block {block.Header.Height}: a validator set does not match the header's hash of it.");
        }

        return block;
    }
}
