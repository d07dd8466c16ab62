using Roundtable.Core.Encoding;
using Roundtable.Core.Hashing;
using Roundtable.Ledger.Blocks;
using Roundtable.Ledger.Consensus;
using Roundtable.Ledger.Tests.Support;

namespace Roundtable.Ledger.Tests;

/// <summary>Votes and proposals arrive from peers: they decode canonically or not at all.</summary>
public sealed class ConsensusMessageTests
{
    [Fact]
    public void Generated_votes_and_proposals_round_trip_and_verify()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var samples = new LedgerSamples(seed);
            var chain = samples.ChainId();
            var vote = samples.Vote(chain, LedgerSamples.Key(seed).PublicKey, seed % 2 == 0 ? VoteType.Prevote : VoteType.Precommit, samples.Integer(), (uint)samples.Integer(), samples.Hash());
            var proposal = samples.Proposal(chain);

            var voteBytes = Canonical.ToBytes(vote);
            var proposalBytes = Canonical.ToBytes(proposal);
            var decodedVote = Canonical.FromBytes<Vote>(voteBytes);
            var decodedProposal = Canonical.FromBytes<Proposal>(proposalBytes);

            Assert.Equal(vote, decodedVote);
            Assert.Equal(proposal, decodedProposal);
            Assert.Equal(voteBytes, Canonical.ToBytes(decodedVote));
            Assert.Equal(proposalBytes, Canonical.ToBytes(decodedProposal));
            Assert.True(decodedVote.VerifySignature(chain));
            Assert.True(decodedProposal.VerifySignature(chain));
        }
    }

    [Theory]
    [InlineData(uint.MaxValue, 0x7FFF_FFFFUL, true)]
    [InlineData(uint.MaxValue, 0x8000_0000UL, false)]
    [InlineData(uint.MaxValue, uint.MaxValue, false)]
    [InlineData(3_000_000_000U, 3_000_000_000UL, false)]
    [InlineData(5U, 5UL, true)]
    [InlineData(5U, 6UL, false)]
    public void A_proof_of_lock_round_must_be_below_the_round_and_fit_an_int(uint round, ulong polRoundPlusOne, bool accepted)
    {
        var writer = new CanonicalWriter();
        writer.WriteVarUInt(1);
        writer.WriteVarUInt(round);
        writer.WriteVarUInt(polRoundPlusOne);
        writer.WriteHash(Hash256.Compute("block"u8));
        LedgerSamples.Key(0).PublicKey.Encode(writer);
        new LedgerSamples(1, sign: false).RandomSignature().Encode(writer);
        var bytes = writer.ToArray();

        if (accepted)
        {
            var proposal = Canonical.FromBytes<Proposal>(bytes);
            Assert.Equal((long)polRoundPlusOne - 1, proposal.PolRound);
            Assert.Equal(bytes, Canonical.ToBytes(proposal));
        }
        else
        {
            // Before the fix, 2^31 and above wrapped to a negative proof-of-lock round that re-encoded differently.
            Assert.Equal(DecodeError.Oversize, Assert.Throws<DecodeException>(() => Canonical.FromBytes<Proposal>(bytes)).Error);
        }
    }

    [Fact]
    public void Vote_type_other_than_prevote_or_precommit_is_UnknownType()
    {
        var vote = new LedgerSamples(2, sign: false).Vote("chain", LedgerSamples.Key(1).PublicKey, VoteType.Prevote, 1, 0, Hash256.Zero);
        var bytes = Canonical.ToBytes(vote);

        foreach (var type in new byte[] { 0, 3, 0xff })
        {
            Assert.Equal(DecodeError.UnknownType, Assert.Throws<DecodeException>(() => Canonical.FromBytes<Vote>(Edit.Set(bytes, 0, type))).Error);
        }
    }
}
