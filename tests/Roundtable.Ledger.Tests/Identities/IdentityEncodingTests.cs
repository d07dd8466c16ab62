using Roundtable.Core.Encoding;
using Roundtable.Ledger.Messages;
using Roundtable.Ledger.Messages.Identities;
using Roundtable.Ledger.Tests.Support;

namespace Roundtable.Ledger.Tests.Identities;

public sealed class IdentityEncodingTests
{
    private static readonly byte[] Certificate = [0x30, 0x03, 0x02, 0x01, 0x07];

    public static TheoryData<TxMessage> Examples =>
    [
        new AttestCertificate("university", "Université de Genève", [Certificate]),
        new AttestCertificate("government-pki", string.Empty, [Certificate, new byte[DerList.MaxCertificateBytes], Certificate, Certificate, Certificate]),
        new PostRevocationList("university", Certificate, []),
        new PostRevocationList("university", new byte[PostRevocationList.MaxRevocationListBytes], [Certificate, Certificate, Certificate, Certificate]),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Identity_messages_decode_to_equal_values_and_re_encode_identically(TxMessage message) =>
        MessageBytes.AssertRoundTrips(message);

    [Fact]
    public void Identity_messages_carry_the_tags_8_and_9_and_the_body_documented_in_identities_md()
    {
        Assert.Equal(
            "08" + "0175" + "01" + "41" + "01" + "05" + "3003020107",
            Convert.ToHexStringLower(MessageBytes.Encode(new AttestCertificate("u", "A", [Certificate]))));
        Assert.Equal(
            "09" + "0175" + "05" + "3003020107" + "00",
            Convert.ToHexStringLower(MessageBytes.Encode(new PostRevocationList("u", Certificate, []))));
    }

    [Fact]
    public void A_certificate_over_the_limit_is_oversize_before_its_bytes_are_read()
    {
        var bytes = MessageBytes.Encode(new AttestCertificate("u", string.Empty, [new byte[DerList.MaxCertificateBytes + 1]]));
        Assert.Equal(DecodeError.Oversize, Assert.Throws<DecodeException>(() => MessageBytes.Decode(bytes)).Error);
        Assert.Equal(DecodeError.Oversize, Assert.Throws<DecodeException>(() => MessageBytes.Decode(bytes[..12])).Error);
    }

    [Fact]
    public void A_chain_of_more_than_five_certificates_or_a_crl_with_more_than_four_issuers_is_oversize()
    {
        var chain = MessageBytes.Encode(new AttestCertificate("u", string.Empty, [.. Enumerable.Repeat(Certificate, AttestCertificate.MaxCertificates + 1)]));
        var issuers = MessageBytes.Encode(new PostRevocationList("u", Certificate, [.. Enumerable.Repeat(Certificate, PostRevocationList.MaxIssuers + 1)]));
        var crl = MessageBytes.Encode(new PostRevocationList("u", new byte[PostRevocationList.MaxRevocationListBytes + 1], []));

        Assert.Equal(DecodeError.Oversize, Assert.Throws<DecodeException>(() => MessageBytes.Decode(chain)).Error);
        Assert.Equal(DecodeError.Oversize, Assert.Throws<DecodeException>(() => MessageBytes.Decode(issuers)).Error);
        Assert.Equal(DecodeError.Oversize, Assert.Throws<DecodeException>(() => MessageBytes.Decode(crl)).Error);
    }

    [Fact]
    public void No_certificate_an_empty_certificate_or_an_empty_crl_is_refused()
    {
        Assert.Equal(DecodeError.InvalidValue, Assert.Throws<DecodeException>(() => MessageBytes.Decode(MessageBytes.Encode(new AttestCertificate("u", string.Empty, [])))).Error);
        Assert.Equal(DecodeError.InvalidValue, Assert.Throws<DecodeException>(() => MessageBytes.Decode(MessageBytes.Encode(new AttestCertificate("u", string.Empty, [[]])))).Error);
        Assert.Equal(DecodeError.InvalidValue, Assert.Throws<DecodeException>(() => MessageBytes.Decode(MessageBytes.Encode(new PostRevocationList("u", [], [])))).Error);
    }
}
