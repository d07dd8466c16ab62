using System.Text;
using Roundtable.Node.Api;

namespace Roundtable.Node.Tests;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tpadded", "'\tpadded")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    public void A_cell_is_quoted_as_RFC_4180_says_and_a_formula_is_defused(string value, string cell) =>
        Assert.Equal(cell, Csv.Cell(value));

    [Fact]
    public void A_row_ends_with_CRLF()
    {
        var csv = new StringBuilder();

        Csv.AppendRow(csv, ["a", "b,c"]);

        Assert.Equal("a,\"b,c\"\r\n", csv.ToString());
    }
}
