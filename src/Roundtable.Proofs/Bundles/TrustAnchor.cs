using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Validators;

namespace Roundtable.Proofs.Bundles;

/// <summary>
/// What a verifier trusts without proof: the chain's genesis, or one header it obtained out of band.
/// Everything else in a bundle is checked against it. Its <see cref="Hash"/> is the value a person
/// passes as <c>--trust</c>.
/// </summary>
public abstract record TrustAnchor
{
    /// <summary>Tag byte of a <see cref="GenesisAnchor"/>.</summary>
    public const byte GenesisTag = 1;

    /// <summary>Tag byte of a <see cref="HeaderAnchor"/>.</summary>
    public const byte HeaderTag = 2;

    /// <summary>The hash a person trusts: the genesis hash or the header's block id.</summary>
    public abstract Hash256 Hash { get; }

    /// <summary>Height of the trusted block (0 for genesis).</summary>
    public abstract ulong Height { get; }

    /// <summary>The validator set that decides block <see cref="Height"/> + 1.</summary>
    public abstract ValidatorSet NextValidators { get; }

    /// <summary>Writes the tag and the anchor's fields.</summary>
    public abstract void Encode(CanonicalWriter writer);

    /// <summary>Reads an anchor of chain <paramref name="chainId"/>; a header anchor of another chain is refused.</summary>
    public static TrustAnchor Decode(ref CanonicalReader reader, string chainId)
    {
        var tag = reader.ReadByte();
        switch (tag)
        {
            case GenesisTag:
                var time = reader.ReadVarUInt();
                return new GenesisAnchor(chainId, time, ValidatorSet.Decode(ref reader));
            case HeaderTag:
                var header = BlockHeader.Decode(ref reader);
                var next = ValidatorSet.Decode(ref reader);
                if (header.ChainId != chainId)
                {
                    throw new DecodeException(DecodeError.InvalidValue, $"The trusted header is of chain '{header.ChainId}', the bundle of '{chainId}'.");
                }

                if (header.NextValidatorSetHash != next.Hash)
                {
                    throw new DecodeException(DecodeError.InvalidValue, "The trusted header's next validator set does not match the set that follows it.");
                }

                return new HeaderAnchor(header, next);
            default:
                throw new DecodeException(DecodeError.UnknownType, $"Unknown trust anchor type {tag}.");
        }
    }
}

/// <summary>
/// Trust in a chain's genesis: its id, its genesis time and the validators that decide block 1.
/// The genesis hash is SHA-256("roundtable.genesis.v1" ‖ chain id ‖ time ‖ validator set), see docs/proofs.md.
/// </summary>
/// <param name="ChainId">The chain.</param>
/// <param name="GenesisTimeMs">Genesis time, Unix milliseconds (the time of block 1).</param>
/// <param name="Validators">The validators of block 1, with their assigned power.</param>
public sealed record GenesisAnchor(string ChainId, ulong GenesisTimeMs, ValidatorSet Validators) : TrustAnchor
{
    private static readonly byte[] Domain = "roundtable.genesis.v1"u8.ToArray();

    /// <inheritdoc />
    public override Hash256 Hash
    {
        get
        {
            var writer = new CanonicalWriter(1024);
            writer.WriteFixed(Domain);
            writer.WriteString(ChainId);
            writer.WriteVarUInt(GenesisTimeMs);
            Validators.Encode(writer);
            return Hash256.Compute(writer.WrittenSpan);
        }
    }

    /// <inheritdoc />
    public override ulong Height => 0;

    /// <inheritdoc />
    public override ValidatorSet NextValidators => Validators;

    /// <inheritdoc />
    public override void Encode(CanonicalWriter writer)
    {
        writer.WriteByte(GenesisTag);
        writer.WriteVarUInt(GenesisTimeMs);
        Validators.Encode(writer);
    }
}

/// <summary>Trust in one header (by its block id) and the validator set its header names for the next block.</summary>
/// <param name="Header">The trusted header.</param>
/// <param name="Next">The set whose hash is the header's <see cref="BlockHeader.NextValidatorSetHash"/>.</param>
public sealed record HeaderAnchor(BlockHeader Header, ValidatorSet Next) : TrustAnchor
{
    /// <inheritdoc />
    public override Hash256 Hash => Header.Id;

    /// <inheritdoc />
    public override ulong Height => Header.Height;

    /// <inheritdoc />
    public override ValidatorSet NextValidators => Next;

    /// <inheritdoc />
    public override void Encode(CanonicalWriter writer)
    {
        writer.WriteByte(HeaderTag);
        Header.Encode(writer);
        Next.Encode(writer);
    }
}
