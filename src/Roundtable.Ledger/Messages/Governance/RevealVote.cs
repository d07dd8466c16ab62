using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;

namespace Roundtable.Ledger.Messages.Governance;

/// <summary>Opens the sender's commitment during the reveal period: the ballot and the 32-byte salt.</summary>
/// <param name="Proposal">The proposal id.</param>
/// <param name="Ballot">The encoded ballot.</param>
/// <param name="Salt">The salt, exactly <see cref="SaltSize"/> bytes.</param>
public sealed record RevealVote(Hash256 Proposal, byte[] Ballot, byte[] Salt) : TxMessage
{
    /// <summary>Salt length.</summary>
    public const int SaltSize = 32;

    /// <inheritdoc />
    public override MessageType Type => MessageType.RevealVote;

    /// <inheritdoc />
    public override void EncodeBody(CanonicalWriter writer)
    {
        if (Salt.Length != SaltSize)
        {
            throw new InvalidOperationException($"A salt is {SaltSize} bytes.");
        }

        writer.WriteHash(Proposal);
        writer.WriteBytes(Ballot);
        writer.WriteFixed(Salt);
    }

    /// <summary>Reads the body.</summary>
    public static RevealVote DecodeBody(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadBytes(CastVote.MaxBallotBytes, "ballot").ToArray(), reader.ReadFixed(SaltSize).ToArray());

    /// <inheritdoc />
    public bool Equals(RevealVote? other) =>
        other is not null && Proposal == other.Proposal && Ballot.AsSpan().SequenceEqual(other.Ballot) && Salt.AsSpan().SequenceEqual(other.Salt);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Proposal, Ballot.Length);
}
