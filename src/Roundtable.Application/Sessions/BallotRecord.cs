using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions;

/// <summary>A participant's current ballot in a poll (a re-vote overwrites it).</summary>
/// <param name="Voter">The member id.</param>
/// <param name="Ballot">The canonical ballot bytes, already checked against the poll.</param>
/// <param name="Height">Height of the block that cast it.</param>
public sealed record BallotRecord(Hash256 Voter, byte[] Ballot, ulong Height) : ICanonical<BallotRecord>
{
    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Voter);
        writer.WriteBytes(Ballot);
        writer.WriteVarUInt(Height);
    }

    /// <inheritdoc />
    public static BallotRecord Decode(ref CanonicalReader reader) =>
        new(reader.ReadHash(), reader.ReadBytes(CastPollBallot.MaxBallotBytes, "ballot").ToArray(), reader.ReadVarUInt());
}
