using System.Text;
using Roundtable.Application.Disputes;
using Roundtable.Application.PersonalData;
using Roundtable.Application.State;
using Roundtable.Core.Hashing;

namespace Roundtable.Application.Tests.State;

public sealed class StateKeysTests
{
    public static TheoryData<string> Ids => ["00", "01", "9f", "a0", "ff", "member", "0123456789abcdef"];

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_path_is_the_prefix_then_the_ids_lowercase_hex_in_ASCII(string seed)
    {
        var id = Hash256.Compute(Encoding.ASCII.GetBytes(seed));

        Assert.Equal(Encoding.ASCII.GetBytes("member/" + id.ToString()), StateKeys.Member(id));
        Assert.Equal(Encoding.ASCII.GetBytes("key/" + id.ToString()), StateKeys.Key(id));
        Assert.Equal(Encoding.ASCII.GetBytes("recovery/" + id.ToString()), StateKeys.Recovery(id));
        Assert.Equal(Encoding.ASCII.GetBytes(PersonalDataKeys.FieldPrefix + id.ToString()), PersonalDataKeys.Field(id));
        Assert.Equal(Encoding.ASCII.GetBytes("dispute/" + id.ToString()), DisputeKeys.Dispute(id));
    }

    [Fact]
    public void An_empty_prefix_leaves_only_the_hex()
    {
        var id = Hash256.Compute([7]);

        Assert.Equal(id.ToString(), Encoding.ASCII.GetString(StateKeys.Path("", id)));
    }
}
