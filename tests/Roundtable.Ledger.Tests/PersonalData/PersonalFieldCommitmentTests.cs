using Roundtable.Core.Hashing;
using Roundtable.Ledger.PersonalData;

namespace Roundtable.Ledger.Tests.PersonalData;

public sealed class PersonalFieldCommitmentTests
{
    private static byte[] Salt(byte fill) => Enumerable.Repeat(fill, PersonalFieldCommitment.SaltBytes).ToArray();

    [Theory]
    [InlineData("gender", "female", 0x01, "e72eb03738f0d6bcf306b4e51443ff3c14f2652c60c3d1e3748f033abd2377ca")]
    [InlineData("organisation", "Société Analytique", 0x02, "40106e387f201bbef56645e3b3127974439fbabba6201bc5647eb66555cb7fd9")]
    public void The_commitment_is_the_documented_vector(string field, string value, byte fill, string expected)
    {
        Assert.Equal(Hash256.Parse(expected), PersonalFieldCommitment.Compute(field, Salt(fill), value));
    }

    [Fact]
    public void A_disclosure_opens_only_its_own_commitment()
    {
        var disclosure = new Disclosure("gender", "female", Salt(0x01));

        Assert.True(disclosure.Opens(PersonalFieldCommitment.Compute("gender", Salt(0x01), "female")));
        Assert.False(disclosure.Opens(PersonalFieldCommitment.Compute("gender", Salt(0x01), "male")));
        Assert.False((disclosure with { Salt = Salt(0x02) }).Opens(disclosure.Commitment));
        Assert.False((disclosure with { Field = "pronoun" }).Opens(disclosure.Commitment));
    }

    [Fact]
    public void A_salt_of_another_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PersonalFieldCommitment.Compute("gender", new byte[31], "female"));
    }
}
