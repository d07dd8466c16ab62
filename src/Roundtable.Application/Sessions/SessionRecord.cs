using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Sessions;

namespace Roundtable.Application.Sessions;

/// <summary>A session as the state holds it: its definition as created, organisers and counters.</summary>
/// <param name="Id">Session id (<see cref="CreateSession.IdFor"/>).</param>
/// <param name="Creator">The member who created it.</param>
/// <param name="Definition">The creating message: title, format, speakers, agenda, questions, schedule.</param>
/// <param name="Organisers">The creator and the co-organisers, ascending.</param>
/// <param name="CodeCommitment">SHA-256(session id ‖ room code) last posted, or zero before any.</param>
/// <param name="CodeVersion">How many codes were posted (rotations + 1), 0 before any.</param>
/// <param name="CreatedHeight">Height of the creating block.</param>
/// <param name="ParticipantCount">Participants checked in; the next one gets this ordinal.</param>
/// <param name="PollCount">Polls created; the next one gets this number.</param>
/// <param name="DissentCount">Objections and minority views recorded.</param>
public sealed record SessionRecord(
    Hash256 Id,
    Hash256 Creator,
    CreateSession Definition,
    IReadOnlyList<Hash256> Organisers,
    Hash256 CodeCommitment,
    uint CodeVersion,
    ulong CreatedHeight,
    uint ParticipantCount,
    uint PollCount,
    uint DissentCount) : ICanonical<SessionRecord>
{
    /// <summary>Most participants one session takes.</summary>
    public const int MaxParticipants = 10_000;

    /// <summary>Most objections and minority views one session records.</summary>
    public const int MaxDissents = 1_000;

    /// <summary>True when <paramref name="member"/> organises the session.</summary>
    public bool IsOrganiser(Hash256 member) => Organisers.Contains(member);

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Id);
        writer.WriteHash(Creator);
        Definition.EncodeBody(writer);
        SortedHashes.Write(writer, Organisers);
        writer.WriteHash(CodeCommitment);
        writer.WriteVarUInt(CodeVersion);
        writer.WriteVarUInt(CreatedHeight);
        writer.WriteVarUInt(ParticipantCount);
        writer.WriteVarUInt(PollCount);
        writer.WriteVarUInt(DissentCount);
    }

    /// <inheritdoc />
    public static SessionRecord Decode(ref CanonicalReader reader) => new(
        reader.ReadHash(),
        reader.ReadHash(),
        CreateSession.DecodeBody(ref reader),
        SortedHashes.Read(ref reader, CreateSession.MaxCoOrganisers + 1, "organisers"),
        reader.ReadHash(),
        (uint)reader.ReadVarUInt(uint.MaxValue, "code version"),
        reader.ReadVarUInt(),
        (uint)reader.ReadVarUInt(MaxParticipants, "participant count"),
        (uint)reader.ReadVarUInt(PollRef.MaxPolls, "poll count"),
        (uint)reader.ReadVarUInt(MaxDissents, "dissent count"));
}
