using Roundtable.Application.Members;
using Roundtable.Application.Parameters;
using Roundtable.Application.Tests.Support;

namespace Roundtable.Application.Tests;

public sealed class ParametersTests
{
    [Fact]
    public void The_test_parameters_are_valid()
    {
        Assert.Null(TestChain.MakeParameters().Validate());
        Assert.Null(TestChain.MakeParameters(AdmissionRule.Open, attestationsRequired: 0).Validate());
    }

    [Fact]
    public void Attestation_admission_needs_at_least_one_attestation()
    {
        Assert.NotNull(TestChain.MakeParameters(AdmissionRule.Attestation, attestationsRequired: 0).Validate());
        Assert.Throws<ArgumentException>(() => new TestChain(attestationsRequired: 0));
    }

    [Fact]
    public void Attestations_required_cannot_exceed_what_a_member_record_keeps()
    {
        // A member record stores at most MaxAttestations attestations (its decoder refuses more),
        // so a higher requirement could never be met and would overflow the record on the way.
        Assert.Null(TestChain.MakeParameters(attestationsRequired: MemberRecord.MaxAttestations).Validate());
        Assert.NotNull(TestChain.MakeParameters(attestationsRequired: MemberRecord.MaxAttestations + 1).Validate());
        Assert.Throws<ArgumentException>(() => new TestChain(attestationsRequired: MemberRecord.MaxAttestations + 1));
    }
}
