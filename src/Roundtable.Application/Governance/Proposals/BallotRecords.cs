using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>An elector's current ballot (its canonical encoding; the last one cast replaces earlier ones).</summary>
/// <param name="Encoded">The ballot encoding.</param>
public sealed record StoredBallot(byte[] Encoded) : ICanonical<StoredBallot>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteBytes(Encoded);

    /// <inheritdoc />
    public static StoredBallot Decode(ref CanonicalReader reader) => new(reader.ReadBytes(CastVote.MaxBallotBytes, "ballot").ToArray());
}

/// <summary>An elector's current secret-ballot commitment.</summary>
/// <param name="Commitment">The commitment.</param>
public sealed record StoredCommitment(Hash256 Commitment) : ICanonical<StoredCommitment>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer) => writer.WriteHash(Commitment);

    /// <inheritdoc />
    public static StoredCommitment Decode(ref CanonicalReader reader) => new(reader.ReadHash());
}

/// <summary>An accepted reveal: the ballot and the salt that open the commitment.</summary>
/// <param name="Ballot">The ballot encoding.</param>
/// <param name="Salt">The salt.</param>
public sealed record StoredReveal(byte[] Ballot, byte[] Salt) : ICanonical<StoredReveal>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteBytes(Ballot);
        writer.WriteFixed(Salt);
    }

    /// <inheritdoc />
    public static StoredReveal Decode(ref CanonicalReader reader) =>
        new(reader.ReadBytes(CastVote.MaxBallotBytes, "ballot").ToArray(), reader.ReadFixed(RevealVote.SaltSize).ToArray());
}

/// <summary>The chair's latest ruling on one objector's objection.</summary>
/// <param name="ObjectionDigest">The objection ruled on.</param>
/// <param name="Addressed">Addressed or not.</param>
/// <param name="Rationale">Why.</param>
public sealed record StoredRuling(Hash256 ObjectionDigest, bool Addressed, string Rationale) : ICanonical<StoredRuling>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(ObjectionDigest);
        writer.WriteBool(Addressed);
        writer.WriteString(Rationale);
    }

    /// <inheritdoc />
    public static StoredRuling Decode(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadBool(), reader.ReadString(GovernanceText.MaxTextBytes, "rationale"));
}
