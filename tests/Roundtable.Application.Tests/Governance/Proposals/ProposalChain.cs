using System.Globalization;
using Roundtable.Application.Disputes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Application.Parameters;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Governance;
using Roundtable.Ledger.Names;

namespace Roundtable.Application.Tests.Governance.Proposals;

/// <summary>
/// A <see cref="TestChain"/> with short governance periods (10 s each, 1 s blocks) and open
/// admission (registrations are verified at once), plus helpers that drive a proposal through
/// real signed transactions and executed blocks.
/// </summary>
internal sealed class ProposalChain
{
    public const ulong Period = 10_000;

    public ProposalChain(GovernanceParameters? rules = null, AdmissionRule admission = AdmissionRule.Open, IReadOnlyList<ZonePolicy>? zones = null, DisputeRules? disputes = null)
    {
        Chain = new TestChain(admission: admission, governance: rules ?? Rules(), zones: zones, disputes: disputes);
    }

    public TestChain Chain { get; }

    public LedgerApplication App => Chain.App;

    /// <summary>The first founder of each group: one verified member per group.</summary>
    public static PrivateKey[] OnePerGroup => [.. TestChain.Groups.Select(g => TestChain.Founder(g, 0))];

    public static PrivateKey Author => TestChain.Founder("civil-society", 0);

    public static PrivateKey Sponsor => TestChain.Founder("technical", 1);

    /// <summary>Rules with 10-second periods, one sponsor, and the given methods (yes/no for every yes/no kind); the emergency fast track has no deliberation, sponsors or timelock and votes for 5 s.</summary>
    public static GovernanceParameters Rules(
        VotingMethod yesNo = VotingMethod.Balanced,
        VotingMethod selection = VotingMethod.BalancedRanked,
        VotingMethod recommendation = VotingMethod.Consensus,
        uint requiredGroups = 3,
        ulong quorumNumerator = 0,
        ulong quorumDenominator = 1)
    {
        ProposalRule Rule(VotingMethod method) =>
            new(method, quorumNumerator, quorumDenominator, 2, 3, true, method == VotingMethod.Balanced ? requiredGroups : 0, 1, Period, Period, Period, Period, Period, Period);

        return new GovernanceParameters(
            [
                Rule(recommendation), Rule(selection), Rule(yesNo), Rule(yesNo), Rule(yesNo),
                Rule(yesNo) with { DeliberationMs = 0, VotingMs = Period / 2, TimelockMs = 0, SponsorsRequired = 0 }, Rule(yesNo), Rule(yesNo),
            ],
            Rule(VotingMethod.Balanced) with { ThresholdNumerator = 3, ThresholdDenominator = 4, RequiredGroups = Math.Max(requiredGroups, 3), SponsorsRequired = 2 },
            10 * Period);
    }

    public ProposalRecord Proposal(Hash256 id) => App.GetProposal(id) ?? throw new InvalidOperationException($"No proposal {id.ToShortString()}.");

    /// <summary>Submits in a block of its own and returns the proposal id.</summary>
    public Hash256 Submit(PrivateKey author, SubmitProposal message)
    {
        var sequence = App.DescribeSender(author.PublicKey).NextSequence;
        Chain.RunOk(Chain.Tx(author, message));
        return ProposalId.For(Chain.Member(author).Id, sequence);
    }

    /// <summary>Submits, sponsors and runs the clock until voting is open.</summary>
    public Hash256 SubmitAndOpen(SubmitProposal message, PrivateKey? author = null)
    {
        var id = Submit(author ?? Author, message);
        Chain.RunOk(Chain.Tx(Sponsor, new SponsorProposal(id)));
        RunUntilDue(id);
        Assert.Equal(ProposalStatus.Voting, Proposal(id).Status);
        return id;
    }

    /// <summary>Executes an empty block at the proposal's next due time.</summary>
    public void RunUntilDue(Hash256 id) => Chain.ExecuteAt(Math.Max(Proposal(id).DueMs, Chain.NextTimeMs));

    public void Vote<TBallot>(PrivateKey voter, Hash256 id, TBallot ballot)
        where TBallot : ICanonical<TBallot> =>
        Chain.RunOk(VoteTx(voter, id, ballot));

    public Roundtable.Ledger.Transactions.Transaction VoteTx<TBallot>(PrivateKey voter, Hash256 id, TBallot ballot)
        where TBallot : ICanonical<TBallot> =>
        Chain.Tx(voter, GovernanceMessages.Vote(id, Proposal(id).Document.Hash, ballot));

    /// <summary>Several ballots in one block, each must succeed.</summary>
    public void VoteAll<TBallot>(IEnumerable<PrivateKey> voters, Hash256 id, TBallot ballot)
        where TBallot : ICanonical<TBallot>
    {
        var results = Chain.Execute([.. voters.Select(v => VoteTx(v, id, ballot))]).Results;
        Assert.All(results, r => Assert.True(r.IsOk, r.Reason));
    }

    /// <summary>Pauses <paramref name="module"/> for 30 s of block time by an emergency proposal every group approves; returns the pause in force.</summary>
    public ModulePause PauseModule(string module, string why)
    {
        var id = Submit(Author, GovernanceMessages.Emergency("Pause " + module, "# " + why, module, 30_000));
        RunUntilDue(id);
        Assert.Equal(ProposalStatus.Voting, Proposal(id).Status);
        VoteAll(OnePerGroup, id, YesNoBallot.Yes);
        RunUntilDue(id); // passes and, with no timelock, executes in the same block
        Assert.Equal(ProposalStatus.Executed, Proposal(id).Status);
        return App.GetModulePause(module)!;
    }

    /// <summary>Registers <paramref name="count"/> new members of a group (verified at once under open admission), all in one block.</summary>
    public IReadOnlyList<PrivateKey> RegisterMany(string group, int count, string region = "europe", string prefix = "member")
    {
        var keys = Enumerable.Range(0, count).Select(i => TestKeys.Get($"{prefix}/{group}/{i.ToString(CultureInfo.InvariantCulture)}")).ToList();
        var results = Chain.Execute([.. keys.Select(k => Chain.Tx(k, TestChain.Registration(group, region, "Member of " + group)))]).Results;
        Assert.All(results, r => Assert.True(r.IsOk, r.Reason));
        return keys;
    }

    public static SubmitProposal Recommendation(string text = "# Publish meeting records\n\nEvery session publishes its record within a week.") =>
        GovernanceMessages.Recommendation("Publish meeting records", text);
}
