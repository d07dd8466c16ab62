using Roundtable.Application.Disputes;
using Roundtable.Application.Tests.Governance.Proposals;
using Roundtable.Application.Tests.Names;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Crypto;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Ledger.Messages.Names;
using Roundtable.Ledger.Names;

namespace Roundtable.Application.Tests.Disputes;

/// <summary>
/// A chain with a zone, a name held by the respondent, and the second founder of every group on
/// the roster of arbitrators; 10-second dispute phases and every remedy but revoking an anchor.
/// </summary>
internal sealed class DisputeChain
{
    public const string Zone = "forum.internal.";
    public const ulong Period = 10_000;

    public static readonly PrivateKey Claimant = TestChain.Founder("civil-society", 0);
    public static readonly PrivateKey Respondent = TestChain.Founder("technical", 0);

    public static readonly DisputeRules Rules = new(
        0, 3, Period, Period, Period, 1_000_000, [RemedyKind.OrderNothing, RemedyKind.TransferName, RemedyKind.SuspendName, RemedyKind.SuspendVoting]);

    public DisputeChain(DisputeRules? rules = null, IEnumerable<string>? arbitratorGroups = null)
    {
        Proposals = new ProposalChain(zones: [NamesTests.Policy()], disputes: rules ?? Rules);
        Chain.RunOk(Chain.Tx(Respondent, new RegisterName(Zone, "shop", [new NameRecord("", DnsRecordType.A, 300, [192, 0, 2, 7])])));
        foreach (var group in arbitratorGroups ?? TestChain.Groups)
        {
            Chain.RunOk(Chain.Tx(TestChain.Founder(group, 1), new VolunteerAsArbitrator(true)));
        }
    }

    public ProposalChain Proposals { get; }

    public TestChain Chain => Proposals.Chain;

    public LedgerApplication App => Chain.App;

    public static DisputeSubject Name => DisputeSubject.OfName(Zone, "shop");

    /// <summary>The volunteers: the second founder of each group.</summary>
    public static IEnumerable<PrivateKey> Arbitrators => TestChain.Groups.Select(g => TestChain.Founder(g, 1));

    public DisputeRecord Dispute(Hash256 id) => App.GetDispute(id)?.Dispute ?? throw new InvalidOperationException($"No dispute {id.ToShortString()}.");

    public DisputePhase Phase(Hash256 id) => App.GetDispute(id)!.Phase;

    /// <summary>Files in a block of its own and returns the dispute id.</summary>
    public Hash256 File(PrivateKey claimant, DisputeSubject subject)
    {
        var sequence = App.DescribeSender(claimant.PublicKey).NextSequence;
        Chain.RunOk(Chain.Tx(claimant, new FileDispute(subject, "The respondent registered our organisation's name to sell it back.", [Hash256.Compute("evidence"u8)])));
        return DisputeId.For(claimant.PublicKey.Id, sequence);
    }

    /// <summary>Files about the name, runs the two blocks after which the panel is drawn, and checks the phase they leave.</summary>
    public Hash256 FileAndDraw(DisputePhase phase = DisputePhase.Statements)
    {
        var id = File(Claimant, Name);
        Chain.Execute();
        Assert.Equal(DisputePhase.AwaitingPanel, Phase(id));
        Chain.Execute();
        Assert.Equal(phase, Phase(id));
        return id;
    }

    /// <summary>The panelists' keys.</summary>
    public IReadOnlyList<PrivateKey> Panel(Hash256 id) =>
        [.. Arbitrators.Where(k => Dispute(id).Panel!.Members.Contains(k.PublicKey.Id))];

    /// <summary>Executes an empty block at <paramref name="timeMs"/> (or the next block time, when later).</summary>
    public void RunUntil(ulong timeMs) => Chain.ExecuteAt(Math.Max(timeMs, Chain.NextTimeMs));

    /// <summary>A decision signed by the first <paramref name="signers"/> panelists, submitted by the first.</summary>
    public DecideDispute Decision(Hash256 id, Remedy remedy, int signers)
    {
        var decision = new DisputeDecision(TestChain.Id, id, remedy, "The name copies the claimant's registered name and was offered for sale.");
        return new DecideDispute(id, remedy, decision.Rationale, [.. Panel(id).Take(signers).Select(decision.SignWith)]);
    }

    /// <summary>Runs to deliberation and records a decision signed by three of the five panelists.</summary>
    public void Decide(Hash256 id, Remedy remedy)
    {
        RunUntil(Dispute(id).StatementsEndMs);
        Chain.RunOk(Chain.Tx(Panel(id)[0], Decision(id, remedy, 3)));
        Assert.Equal(DisputePhase.AppealWindow, Phase(id));
    }
}
