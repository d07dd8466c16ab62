using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Governance.Proposals;

/// <summary>A proposal as the state holds it (its electorate, ballots and deliberation record live under their own keys).</summary>
/// <param name="Id">The proposal id (<see cref="ProposalId.For"/>).</param>
/// <param name="Author">The author's member id.</param>
/// <param name="Title">The title.</param>
/// <param name="Document">The pinned document (replaced by an accepted amendment).</param>
/// <param name="Action">What passing does.</param>
/// <param name="Chair">The chair of a consensus call.</param>
/// <param name="Secret">Commit–reveal secret ballot.</param>
/// <param name="Rule">The rule in force at submission, kept for the proposal's whole life.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="SubmittedAtMs">Block time of submission.</param>
/// <param name="DueMs">Block time of the next timed transition (0 when final).</param>
/// <param name="VotingOpenedHeight">Height at which voting opened and the electorate was fixed (0 before).</param>
/// <param name="Sponsors">Sponsoring member ids, ascending.</param>
/// <param name="Comments">Number of comments.</param>
/// <param name="Amendments">Number of amendments proposed.</param>
/// <param name="Voters">Electors with a ballot (or a commitment) on record.</param>
/// <param name="CallRationale">The chair's call rationale, empty before the call.</param>
/// <param name="Appellant">The objector who appealed the call, or zero.</param>
/// <param name="Outcome">What decided the proposal, or why its execution failed; empty before.</param>
/// <param name="Winner">For a selection: 1 + the winning option index; 0 for none.</param>
public sealed record ProposalRecord(
    Hash256 Id,
    Hash256 Author,
    string Title,
    ProposalDocument Document,
    ProposalAction Action,
    Hash256 Chair,
    bool Secret,
    ProposalRule Rule,
    ProposalStatus Status,
    ulong SubmittedAtMs,
    ulong DueMs,
    ulong VotingOpenedHeight,
    IReadOnlyList<Hash256> Sponsors,
    uint Comments,
    uint Amendments,
    uint Voters,
    string CallRationale,
    Hash256 Appellant,
    string Outcome,
    uint Winner) : ICanonical<ProposalRecord>
{
    /// <summary>Longest recorded outcome.</summary>
    public const int MaxOutcomeBytes = 1024;

    /// <summary>The kind.</summary>
    public ProposalKind Kind => Action.Kind;

    /// <summary>The options of a best-practice selection (empty otherwise).</summary>
    public IReadOnlyList<string> Options => Action is BestPracticeSelection s ? s.Options : [];

    /// <inheritdoc />
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteHash(Id);
        writer.WriteHash(Author);
        writer.WriteString(Title);
        Document.Encode(writer);
        Action.Encode(writer);
        writer.WriteHash(Chair);
        writer.WriteBool(Secret);
        Rule.Encode(writer);
        writer.WriteByte((byte)Status);
        writer.WriteVarUInt(SubmittedAtMs);
        writer.WriteVarUInt(DueMs);
        writer.WriteVarUInt(VotingOpenedHeight);
        SortedHashes.Write(writer, Sponsors);
        writer.WriteVarUInt(Comments);
        writer.WriteVarUInt(Amendments);
        writer.WriteVarUInt(Voters);
        writer.WriteString(CallRationale);
        writer.WriteHash(Appellant);
        writer.WriteString(Outcome);
        writer.WriteVarUInt(Winner);
    }

    /// <inheritdoc />
    public static ProposalRecord Decode(ref CanonicalReader reader) =>
        new(
            reader.ReadHash(),
            reader.ReadHash(),
            reader.ReadString(GovernanceText.MaxTitleBytes, "title"),
            ProposalDocument.Decode(ref reader),
            ProposalAction.Decode(ref reader),
            reader.ReadHash(),
            reader.ReadBool(),
            ProposalRule.Decode(ref reader),
            ReadStatus(ref reader),
            reader.ReadVarUInt(),
            reader.ReadVarUInt(),
            reader.ReadVarUInt(),
            SortedHashes.Read(ref reader, ProposalRule.MaxSponsors, "sponsors"),
            (uint)reader.ReadVarUInt(uint.MaxValue, "comments"),
            (uint)reader.ReadVarUInt(uint.MaxValue, "amendments"),
            (uint)reader.ReadVarUInt(uint.MaxValue, "voters"),
            reader.ReadString(GovernanceText.MaxTextBytes, "call rationale"),
            reader.ReadHash(),
            reader.ReadString(MaxOutcomeBytes, "outcome"),
            (uint)reader.ReadVarUInt(BestPracticeSelection.MaxOptions, "winner"));

    private static ProposalStatus ReadStatus(ref CanonicalReader reader)
    {
        var status = reader.ReadByte();
        return status is >= (byte)ProposalStatus.Deliberation and <= (byte)ProposalStatus.Cancelled
            ? (ProposalStatus)status
            : throw new DecodeException(DecodeError.InvalidValue, $"Proposal status {status} is unknown.");
    }
}
