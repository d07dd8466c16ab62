using Roundtable.Core.Encoding;
using Roundtable.Ledger.Transactions;
using Roundtable.Merkle;

namespace Roundtable.Proofs.Bundles;

/// <summary>Something a bundle proves about the block at <see cref="Height"/>.</summary>
public abstract record ProofClaim
{
    /// <summary>Tag byte of a <see cref="TransactionClaim"/>.</summary>
    public const byte TransactionTag = 1;

    /// <summary>Tag byte of a <see cref="StateClaim"/>.</summary>
    public const byte StateTag = 2;

    /// <summary>Longest state key a claim may name.</summary>
    public const int MaxKeyBytes = SparseMerkleMap.MaxKeyLength;

    /// <summary>Largest state value a claim may carry.</summary>
    public const int MaxValueBytes = SparseMerkleMap.MaxValueLength;

    /// <summary>Height of the header the claim is checked against.</summary>
    public abstract ulong Height { get; init; }

    /// <summary>Writes the tag and the claim.</summary>
    public abstract void Encode(CanonicalWriter writer);

    /// <summary>Reads one claim.</summary>
    public static ProofClaim Decode(ref CanonicalReader reader)
    {
        var tag = reader.ReadByte();
        switch (tag)
        {
            case TransactionTag:
            {
                var height = ReadHeight(ref reader);
                var tx = reader.ReadBytes(TransactionLimits.MaxEncodedSize, "transaction").ToArray();
                return new TransactionClaim(height, tx, InclusionProof.Decode(ref reader));
            }

            case StateTag:
            {
                var height = ReadHeight(ref reader);
                var key = reader.ReadBytes(MaxKeyBytes, "state key").ToArray();
                if (key.Length == 0)
                {
                    throw new DecodeException(DecodeError.InvalidValue, "A state claim names a key.");
                }

                var value = reader.ReadOptionalMarker() ? reader.ReadBytes(MaxValueBytes, "state value").ToArray() : null;
                return new StateClaim(height, key, value, StateProof.Decode(ref reader));
            }

            default:
                throw new DecodeException(DecodeError.UnknownType, $"Unknown claim type {tag}.");
        }
    }

    private static ulong ReadHeight(ref CanonicalReader reader)
    {
        var height = reader.ReadVarUInt();
        return height > 0 ? height : throw new DecodeException(DecodeError.InvalidValue, "A claim names a block height of 1 or more.");
    }
}

/// <summary>
/// A transaction is in the block at <paramref name="Height"/>: its encoding and the RFC 6962 path
/// from its leaf to the header's transaction root.
/// </summary>
/// <param name="Height">The block.</param>
/// <param name="Transaction">The transaction's canonical encoding (the Merkle leaf).</param>
/// <param name="Path">The audit path; its leaf index is the transaction's position in the block.</param>
public sealed record TransactionClaim(ulong Height, byte[] Transaction, InclusionProof Path) : ProofClaim
{
    /// <inheritdoc />
    public override void Encode(CanonicalWriter writer)
    {
        writer.WriteByte(TransactionTag);
        writer.WriteVarUInt(Height);
        writer.WriteBytes(Transaction);
        Path.Encode(writer);
    }
}

/// <summary>
/// A state key has a value, or has none, under the state root of the header at
/// <paramref name="Height"/>: the state after block <paramref name="Height"/> − 1 executed.
/// </summary>
/// <param name="Height">The header whose state root the proof is against.</param>
/// <param name="Key">The state key (readable ASCII, e.g. <c>anchor/…</c>).</param>
/// <param name="Value">The value, or null to prove the key has none.</param>
/// <param name="Proof">The sparse Merkle proof.</param>
public sealed record StateClaim(ulong Height, byte[] Key, byte[]? Value, StateProof Proof) : ProofClaim
{
    /// <inheritdoc />
    public override void Encode(CanonicalWriter writer)
    {
        writer.WriteByte(StateTag);
        writer.WriteVarUInt(Height);
        writer.WriteBytes(Key);
        writer.WriteOptional(Value, static (w, v) => w.WriteBytes(v));
        Proof.Encode(writer);
    }
}
