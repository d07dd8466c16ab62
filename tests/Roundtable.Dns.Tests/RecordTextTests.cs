namespace Roundtable.Dns.Tests;

/// <summary>Record data goes from text to the wire form the ledger stores and back unchanged.</summary>
public sealed class RecordTextTests
{
    [Theory]
    [InlineData(RecordType.A, "192.0.2.1", "192.0.2.1")]
    [InlineData(RecordType.AAAA, "2001:db8::1", "2001:db8::1")]
    [InlineData(RecordType.CNAME, "www", "www.forum.internal.")]
    [InlineData(RecordType.NS, "NS1.Example.", "ns1.example.")]
    [InlineData(RecordType.MX, "10 mail", "10 mail.forum.internal.")]
    [InlineData(RecordType.TXT, "\"hello world\" \"a\\\"b\"", "\"hello world\" \"a\\\"b\"")]
    [InlineData(RecordType.SRV, "1 2 443 host.example.", "1 2 443 host.example.")]
    [InlineData(RecordType.CAA, "0 issue \"ca.example\"", "0 issue \"ca.example\"")]
    [InlineData(RecordType.TLSA, "3 1 1 ABCD", "3 1 1 abcd")]
    [InlineData(RecordType.DS, "12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Text_goes_to_lower_case_wire_and_back_with_absolute_names(RecordType type, string text, string shown)
    {
        var wire = RecordText.ToWire(type, text, "forum.internal.");

        Assert.Equal(shown, RecordText.Format(type, wire));
        Assert.Equal(wire, RecordText.ToWire(type, RecordText.Format(type, wire), "other."));
    }

    [Fact]
    public void The_generic_form_is_accepted_and_is_what_undecodable_data_shows_as()
    {
        Assert.Equal(new byte[] { 192, 0, 2, 1 }, RecordText.ToWire(RecordType.A, @"\# 4 c0000201", "forum.internal."));
        Assert.Equal(@"\# 3 c00002", RecordText.Format(RecordType.A, [192, 0, 2]));
        Assert.Equal(@"\# 2 0a00", RecordText.Format(RecordType.MX, [10, 0]));
        Assert.Equal(@"\# 3 014100", RecordText.Format(RecordType.CNAME, [1, (byte)'A', 0]));
    }

    [Theory]
    [InlineData(@"\# 5 c0000201", "holds 4")]
    [InlineData(@"\# x", "generic form")]
    [InlineData("300.1.1.1", "IPv4")]
    public void Bad_text_is_refused_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<DnsZoneException>(() => RecordText.ToWire(RecordType.A, text, "forum.internal."));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
