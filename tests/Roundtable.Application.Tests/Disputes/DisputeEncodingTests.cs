using Roundtable.Application.Disputes;
using Roundtable.Application.Governance.Proposals;
using Roundtable.Application.Parameters;
using Roundtable.Application.Tests.Support;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Disputes;
using Roundtable.Ledger.Messages.Governance;

namespace Roundtable.Application.Tests.Disputes;

/// <summary>The dispute messages and parameters on the wire, and chains written before disputes.</summary>
public sealed class DisputeEncodingTests
{
    public static TheoryData<TxMessage> Messages() =>
    [
        new VolunteerAsArbitrator(true),
        new FileDispute(DisputeSubject.OfName("forum.internal.", "shop"), "Claim.", new[] { Hash256.Compute("a"u8), Hash256.Compute("b"u8) }.Order().ToArray()),
        new FileDispute(DisputeSubject.OfDecision(Hash256.Compute("p"u8)), "Claim.", []),
        new DeclareConflict(Hash256.Compute("d"u8)),
        new SubmitStatement(Hash256.Compute("d"u8), "Statement.", []),
        new DecideDispute(Hash256.Compute("d"u8), Remedy.Suspend(RemedyKind.SuspendVoting, 86_400_000), "Because.",
            [new DisputeDecision("c", Hash256.Compute("d"u8), Remedy.Nothing, "Because.").SignWith(TestKeys.Get("panelist"))]),
        new AppealDecision(Hash256.Compute("d"u8), "Reason."),
        new ExecuteRemedy(Hash256.Compute("d"u8)),
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_dispute_message_round_trips_through_its_canonical_encoding(TxMessage message)
    {
        var bytes = Encode(message);
        var reader = new CanonicalReader(bytes);
        var decoded = MessageCodec.Decode(ref reader);
        reader.EnsureEnd();

        Assert.Equal(message, decoded);
        Assert.Equal(bytes, Encode(decoded));
    }

    private static byte[] Encode(TxMessage message)
    {
        var writer = new CanonicalWriter();
        MessageCodec.Encode(writer, message);
        return writer.ToArray();
    }

    [Fact]
    public void Parameters_without_dispute_rules_keep_their_bytes_and_rules_round_trip_when_given()
    {
        var old = TestChain.MakeParameters();
        var withRules = old with { Disputes = DisputeRules.Default.WithUniformPeriods(20_000) };

        Assert.Equal(old, Canonical.FromBytes<ChainParameters>(Canonical.ToBytes(old)));
        Assert.Null(Canonical.FromBytes<ChainParameters>(Canonical.ToBytes(old)).Disputes);
        Assert.Equal(withRules, Canonical.FromBytes<ChainParameters>(Canonical.ToBytes(withRules)));
        Assert.Equal(DisputeRules.Default, old.DisputeRulesInForce);
        var bare = old with { PasskeyRelyingParties = null };
        Assert.Equal(bare with { Disputes = DisputeRules.Default }, Canonical.FromBytes<ChainParameters>(Canonical.ToBytes(bare with { Disputes = DisputeRules.Default })));
    }

    [Fact]
    public void Rules_that_forbid_ordering_nothing_or_have_empty_phases_are_refused()
    {
        Assert.Contains("order nothing", (DisputeRules.Default with { Remedies = [RemedyKind.TransferName] }).Validate(), StringComparison.Ordinal);
        Assert.NotNull((DisputeRules.Default with { AppealWindowMs = 0 }).Validate());
        Assert.NotNull((DisputeRules.Default with { PanelSize = 2, MinPanelSize = 3 }).Validate());
        Assert.Null(DisputeRules.Default.Validate());
    }

    [Fact]
    public void An_appeal_cannot_be_submitted_as_a_proposal_and_older_rules_decide_it_by_the_parameter_change_rule_without_sponsors()
    {
        var eight = GovernanceParameters.Default with { Rules = [.. GovernanceParameters.Default.Rules.Take(8)] };

        Assert.Null(eight.Validate());
        var rule = DisputeAppeals.RuleFor(eight);
        Assert.Equal((VotingMethod.Balanced, 0u, 0ul, 0ul), (rule.Method, rule.SponsorsRequired, rule.DeliberationMs, rule.TimelockMs));
        Assert.Equal(eight.RuleOf(ProposalKind.ParameterChange).ThresholdNumerator, rule.ThresholdNumerator);
        Assert.Contains("balanced vote", (GovernanceParameters.Default with
        {
            Rules = [.. GovernanceParameters.Default.Rules.Take(8), GovernanceParameters.Default.Rules[0]],
        }).Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_draw_order_depends_on_the_seed_and_on_nothing_else()
    {
        var candidates = Enumerable.Range(0, 20).Select(i => new Candidate(Hash256.Compute([(byte)i]), TestChain.Groups[i % 5])).ToList();
        var dispute = Hash256.Compute("dispute"u8);

        var first = PanelDraw.Seat(dispute, Hash256.Compute("seed 1"u8), candidates, TestChain.Groups, 5);
        var shuffled = PanelDraw.Seat(dispute, Hash256.Compute("seed 1"u8), [.. candidates.AsEnumerable().Reverse()], TestChain.Groups, 5);
        var other = PanelDraw.Seat(dispute, Hash256.Compute("seed 2"u8), candidates, TestChain.Groups, 5);

        Assert.Equal(first, shuffled);
        Assert.NotEqual(first, other);
        Assert.Equal(5, PanelDraw.Seat(dispute, Hash256.Compute("seed 1"u8), candidates, TestChain.Groups, 0).Count);
    }

    [Fact]
    public void The_draw_score_and_the_dispute_id_match_the_test_vectors_of_the_specification()
    {
        // docs/disputes.md, "Test vectors".
        var score = PanelDraw.Score(Hash256.Compute("dispute"u8), Hash256.Compute("seed"u8), Hash256.Compute("member"u8));
        var id = DisputeId.For(Hash256.Compute("claimant"u8), 7);

        Assert.Equal("cd199386208bc31e699b8aae26aba9ba11331f9e98ada0c306b6d6270c48955f", score.ToString());
        Assert.Equal("1e67b266e41ea4de6480c3c28631aba46ca2fea02b5b18dae7767cce585f5a65", id.ToString());
    }
}
