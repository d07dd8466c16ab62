using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Validators;

namespace Roundtable.Ledger.Tests.Support;

/// <summary>Seeded governance messages (types 16–47), at their length bounds.</summary>
internal sealed partial class LedgerSamples
{
    /// <summary>A random governance message of <paramref name="type"/>.</summary>
    public TxMessage GovernanceMessage(MessageType type) => type switch
    {
        MessageType.SubmitProposal => new SubmitProposal(RequiredText(GovernanceText.MaxTitleBytes), Document(), Action(), Hash(), _random.Next(2) == 0),
        MessageType.CommentOnProposal => new CommentOnProposal(Hash(), RequiredText(GovernanceText.MaxTextBytes)),
        MessageType.ProposeAmendment => new ProposeAmendment(Hash(), Document(), RequiredText(GovernanceText.MaxTextBytes)),
        MessageType.ResolveAmendment => new ResolveAmendment(Hash(), (uint)Integer(), _random.Next(2) == 0),
        MessageType.SponsorProposal => new SponsorProposal(Hash()),
        MessageType.WithdrawProposal => new WithdrawProposal(Hash()),
        MessageType.CastVote => new CastVote(Hash(), Hash(), Bytes(CastVote.MaxBallotBytes)),
        MessageType.CommitVote => new CommitVote(Hash(), Hash(), Hash()),
        MessageType.RevealVote => new RevealVote(Hash(), Bytes(CastVote.MaxBallotBytes), Hash().ToArray()),
        MessageType.RuleOnObjection => _random.Next(2) == 0
            ? new RuleOnObjection(Hash(), Hash(), Hash(), true, RequiredText(GovernanceText.MaxTextBytes))
            : new RuleOnObjection(Hash(), Hash(), Hash(), false, Text(0, GovernanceText.MaxTextBytes)),
        MessageType.CallConsensus => new CallConsensus(Hash(), _random.Next(2) == 0, RequiredText(GovernanceText.MaxTextBytes)),
        MessageType.AppealCall => new AppealCall(Hash(), RequiredText(GovernanceText.MaxTextBytes)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a governance message type."),
    };

    /// <summary>An inline or external document.</summary>
    public ProposalDocument Document() => _random.Next(2) == 0
        ? ProposalDocument.Inline(RequiredText(ProposalDocument.MaxInlineBytes))
        : ProposalDocument.External(Hash(), RequiredText(ProposalDocument.MaxUriBytes));

    /// <summary>An action of a random kind that can be submitted (dispute appeals are opened by an appeal, never submitted).</summary>
    public ProposalAction Action() => SubmittedKinds[_random.Next(SubmittedKinds.Length)] switch
    {
        ProposalKind.Recommendation => new Recommendation(),
        ProposalKind.BestPractice => new BestPracticeSelection([.. Enumerable.Range(0, BoundaryLength(2, BestPracticeSelection.MaxOptions)).Select(_ => RequiredText(GovernanceText.MaxTitleBytes))]),
        ProposalKind.ParameterChange => new ParameterChange(Bytes(ParameterChange.MaxEncodedBytes), [1, .. Bytes(ParameterChange.MaxEncodedBytes - 1)]),
        ProposalKind.ValidatorChange => new ValidatorChange([.. DistinctKeyIndexes(BoundaryLength(1, 8)).Select(i => new Validator(Key(i).PublicKey, Text(1, Validator.MaxNameBytes), Identifier(), Integer()))]),
        ProposalKind.SoftwareUpgrade => new SoftwareUpgrade(RequiredText(SoftwareUpgrade.MaxVersionBytes), Hash(), Integer()),
        ProposalKind.AnchorWithdrawal => new AnchorWithdrawal(Hash(), _random.Next(2) == 0 ? null : Hash(), Text(1, Ledger.Notary.AnchorRecord.MaxReasonBytes)),
        ProposalKind.ZoneChange => ZoneName() is var origin && _random.Next(3) == 0 ? new ZoneChange(origin, null) : new ZoneChange(origin, ZonePolicy(origin)),
        ProposalKind.Assessment => new Assessment(Hash(), Hash(), Names(Assessment.MinCriteria, Assessment.MaxCriteria), Names(Assessment.MinGrades, Assessment.MaxGrades)),
        _ => _random.Next(2) == 0
            ? new EmergencyPause(Identifier(), Math.Max(1, Integer()), Hash())
            : new EmergencyPause(string.Empty, 0, Hash()),
    };

    private static readonly ProposalKind[] SubmittedKinds = [.. Enum.GetValues<ProposalKind>().Where(k => k != ProposalKind.DisputeAppeal)];

    /// <summary>Distinct criterion or grade names, each starting with its index.</summary>
    private string[] Names(int min, int max) =>
        [.. Enumerable.Range(0, BoundaryLength(min, max)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture) + RequiredText(Assessment.MaxNameBytes - 2))];

    /// <summary>Text of 1..<paramref name="maxBytes"/> UTF-8 bytes that is not only white space.</summary>
    private string RequiredText(int maxBytes) => "x" + Text(0, maxBytes - 1);

    /// <summary>Random bytes, often at the length bounds.</summary>
    private byte[] Bytes(int maxLength)
    {
        var bytes = new byte[BoundaryLength(0, maxLength)];
        _random.NextBytes(bytes);
        return bytes;
    }
}
