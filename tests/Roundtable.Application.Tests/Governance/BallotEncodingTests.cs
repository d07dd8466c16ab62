using Roundtable.Application.Governance.Tallying;
using Roundtable.Core.Encoding;

namespace Roundtable.Application.Tests.Governance;

public sealed class BallotEncodingTests
{
    private static void RoundTrips<T>(T ballot, string hex)
        where T : ICanonical<T>
    {
        var bytes = Canonical.ToBytes(ballot);
        Assert.Equal(hex, Convert.ToHexStringLower(bytes));
        Assert.Equal(ballot, Canonical.FromBytes<T>(bytes));
    }

    [Fact]
    public void Ballots_have_one_canonical_encoding()
    {
        RoundTrips(YesNoBallot.Yes, "01");
        RoundTrips(YesNoBallot.No, "02");
        RoundTrips(YesNoBallot.Abstain, "03");
        RoundTrips(ApprovalBallot.None, "00");
        RoundTrips(ApprovalBallot.Of(0, 2, 63), "0300023f");
        RoundTrips(RankedBallot.FromOrder(3, 2, 0), "03020001");
        RoundTrips(RankedBallot.FromTiers(4, [1, 3]), "0400010001");
        RoundTrips(GradeBallot.Of(4, 0, 2), "03040002");

        var statement = ConsensusStatement.Objects("No.");
        var decoded = Canonical.FromBytes<ConsensusStatement>(Canonical.ToBytes(statement));
        Assert.Equal("0303" + "4e6f2e", Convert.ToHexStringLower(Canonical.ToBytes(statement)));
        Assert.Equal(statement.Position, decoded.Position);
        Assert.Equal(statement.Reason, decoded.Reason);
    }

    [Theory]
    [InlineData("00")]         // yes/no: 0 is no choice
    [InlineData("04")]
    [InlineData("0101")]       // trailing byte
    public void Yes_no_decoding_refuses_non_canonical_input(string hex) =>
        Assert.Throws<DecodeException>(() => Canonical.FromBytes<YesNoBallot>(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("020200")]     // not increasing
    [InlineData("020202")]     // repeated
    [InlineData("0140")]       // option 64 is out of range
    [InlineData("41")]         // more than 64 approvals
    [InlineData("0201")]       // truncated
    public void Approval_decoding_refuses_non_canonical_input(string hex) =>
        Assert.Throws<DecodeException>(() => Canonical.FromBytes<ApprovalBallot>(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("00")]         // no options
    [InlineData("03010003")]   // rank 2 skipped
    [InlineData("020300")]     // rank above the option count
    [InlineData("41")]         // more than 64 options
    public void Ranked_decoding_refuses_non_canonical_input(string hex) =>
        Assert.Throws<DecodeException>(() => Canonical.FromBytes<RankedBallot>(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("0300")]       // an objection without a reason
    [InlineData("030120")]     // an objection whose reason is a space
    [InlineData("0400")]       // unknown position
    public void Consensus_decoding_refuses_invalid_statements(string hex) =>
        Assert.Throws<DecodeException>(() => Canonical.FromBytes<ConsensusStatement>(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("0207")]       // grade 7 is beyond the largest scale (0..6)
    [InlineData("21")]         // more than 32 criteria
    [InlineData("0201")]       // truncated
    [InlineData("010100")]     // trailing byte
    public void Grade_decoding_refuses_non_canonical_input(string hex) =>
        Assert.Throws<DecodeException>(() => Canonical.FromBytes<GradeBallot>(Convert.FromHexString(hex)));
}
