using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using static Roundtable.Application.Tests.Governance.Fixtures;

namespace Roundtable.Application.Tests.Governance;

public sealed class CommitRevealTests
{
    private static readonly Hash256 Proposal = Id("proposal: open standards for public registries");

    private static ImmutableArray<byte> Salt(string seed) => [.. SHA256.HashData(Encoding.UTF8.GetBytes("salt " + seed))];

    private static CastBallot<Hash256> Commit(string voter, YesNoBallot ballot, ImmutableArray<byte> salt) =>
        Cast(voter, BallotCommitment.Compute(Proposal, Id(voter), ballot, salt.AsSpan()));

    private static BallotReveal<YesNoBallot> Open(string voter, YesNoBallot ballot, ImmutableArray<byte> salt) => new(Id(voter), ballot, salt);

    [Fact]
    public void Commitment_is_sha256_of_domain_proposal_voter_ballot_and_salt()
    {
        Assert.Equal(32, BallotCommitment.Domain.Length);
        Assert.Equal(BallotCommitment.DomainText, Encoding.ASCII.GetString(BallotCommitment.Domain));
        var salt = Salt("a");
        var ballot = ApprovalBallot.Of(0, 2);
        var expected = SHA256.HashData(
            [.. BallotCommitment.Domain, .. Proposal.ToArray(), .. Id("alice").ToArray(), .. Canonical.ToBytes(ballot), .. salt]);
        Assert.Equal(Hash256.FromBytes(expected), BallotCommitment.Compute(Proposal, Id("alice"), ballot, salt.AsSpan()));
        Assert.Equal(new byte[] { 2, 0, 2 }, Canonical.ToBytes(ballot));
    }

    /// <summary>The vector in docs/governance.md §8.</summary>
    [Fact]
    public void Documented_commitment_vector()
    {
        var proposal = Id("proposal");
        var alice = Id("alice");
        var salt = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        Assert.Equal("ecd1378bc9dc130008f00d58db5d26f60db55934a49b949af7e6f6a8da2a2beb", proposal.ToString());
        Assert.Equal("2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90", alice.ToString());
        var commitment = BallotCommitment.Compute(proposal, alice, YesNoBallot.Yes, salt);
        Assert.Equal("55b5567653c7bdcd3acc3fb484b45c2f702d4e3efd0fe046f2b546bc59535bf7", commitment.ToString());
        Assert.True(Reveal.Matches(commitment, proposal, alice, [0x01], salt));
        Assert.Equal("4ae9c5af3203baabdcc272d6c32f3ff712356fafb1be8e42a2e27c29f16af378", ConsensusStatement.Objects("No.").ObjectionDigest.ToString());
    }

    [Fact]
    public void Reveal_matches_only_the_exact_proposal_voter_ballot_and_salt()
    {
        var salt = Salt("a");
        var commitment = BallotCommitment.Compute(Proposal, Id("alice"), YesNoBallot.Yes, salt.AsSpan());
        Assert.True(Reveal.Matches(commitment, Proposal, Id("alice"), YesNoBallot.Yes, salt.AsSpan()));
        Assert.False(Reveal.Matches(commitment, Proposal, Id("alice"), YesNoBallot.No, salt.AsSpan()));
        Assert.False(Reveal.Matches(commitment, Proposal, Id("alice"), YesNoBallot.Yes, Salt("b").AsSpan()));
        Assert.False(Reveal.Matches(commitment, Proposal, Id("bob"), YesNoBallot.Yes, salt.AsSpan()));
        Assert.False(Reveal.Matches(commitment, Id("another proposal"), Id("alice"), YesNoBallot.Yes, salt.AsSpan()));
        Assert.False(Reveal.Matches(commitment, Proposal, Id("alice"), YesNoBallot.Yes, salt.AsSpan()[..31]));
        Assert.Throws<ArgumentException>(() => BallotCommitment.Compute(Proposal, Id("alice"), YesNoBallot.Yes, new byte[31]));
    }

    [Fact]
    public void Unrevealed_commitments_do_not_count_and_mismatched_reveals_are_refused()
    {
        var electorate = Electors(InGroup("government", 3, "weog"), InGroup("civil-society", 3, "african"));
        var commitments = new[]
        {
            Commit("government-0", YesNoBallot.Yes, Salt("g0")),
            Commit("government-1", YesNoBallot.Yes, Salt("g1")),
            Commit("government-2", YesNoBallot.Yes, Salt("g2")),         // never revealed
            Commit("civil-society-0", YesNoBallot.No, Salt("c0")),
            Commit("civil-society-1", YesNoBallot.No, Salt("c1-old")),
            Commit("civil-society-1", YesNoBallot.Yes, Salt("c1")),      // re-commit replaces
            Commit("outsider", YesNoBallot.Yes, Salt("o")),              // not an elector
        };

        // During the commit phase only totals are published.
        var summary = SecretBallot.Summarize(electorate, commitments);
        Assert.Equal(new CommitmentCounts(6, 5, 0), summary.Total);
        Assert.Equal(new CommitmentCounts(3, 3, 0), summary.ByGroup["government"]);
        Assert.Equal(new CommitmentCounts(3, 2, 0), summary.ByRegion["african"]);

        var reveals = new[]
        {
            Open("government-0", YesNoBallot.Yes, Salt("g0")),
            Open("government-1", YesNoBallot.No, Salt("g1")),            // not what was committed
            Open("government-1", YesNoBallot.Yes, Salt("g1")),
            Open("civil-society-0", YesNoBallot.No, Salt("c0")),
            Open("civil-society-1", YesNoBallot.No, Salt("c1-old")),     // opens the replaced commitment only
            Open("civil-society-2", YesNoBallot.No, Salt("c2")),         // no commitment
            Open("outsider", YesNoBallot.Yes, Salt("o")),
        };
        var opening = SecretBallot.Open(electorate, Proposal, commitments, reveals);

        Assert.Equal(
            new[]
            {
                new RefusedReveal(1, Id("government-1"), RevealRefusal.Mismatch),
                new RefusedReveal(4, Id("civil-society-1"), RevealRefusal.Mismatch),
                new RefusedReveal(5, Id("civil-society-2"), RevealRefusal.NoCommitment),
                new RefusedReveal(6, Id("outsider"), RevealRefusal.NoCommitment),
            },
            opening.Refused);
        Assert.Equal(new CommitmentCounts(6, 5, 3), opening.Summary.Total);
        Assert.Equal(2, opening.Summary.Total.Unrevealed);
        Assert.Equal(new CommitmentCounts(3, 3, 2), opening.Summary.ByGroup["government"]);
        Assert.Equal(new CommitmentCounts(3, 2, 1), opening.Summary.ByGroup["civil-society"]);

        var tally = MajorityTally.Tally(opening.Revealed, new MajorityRules(0, Threshold.SimpleMajority));
        Assert.Equal(new YesNoCounts(6, 2, 1, 0), tally.Total);
        Assert.Equal(new YesNoCounts(3, 2, 0, 0), tally.ByGroup["government"]);
        Assert.Equal(new YesNoCounts(3, 0, 1, 0), tally.ByGroup["civil-society"]);
    }

    [Fact]
    public void A_reveal_can_open_ranked_and_approval_ballots_too()
    {
        var electorate = Electors(InGroup("government", 1));
        var salt = Salt("r");
        var ranked = RankedBallot.FromOrder(3, 2, 0);
        var commitment = Cast("government-0", BallotCommitment.Compute(Proposal, Id("government-0"), ranked, salt.AsSpan()));
        var opening = SecretBallot.Open(electorate, Proposal, [commitment], [new BallotReveal<RankedBallot>(Id("government-0"), ranked, salt)]);
        Assert.Empty(opening.Refused);
        Assert.Equal(2, SchulzeTally.Tally(opening.Revealed, 3).Winner);
    }
}
