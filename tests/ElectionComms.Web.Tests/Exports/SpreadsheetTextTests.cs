using ElectionComms.Web.Exports;

namespace ElectionComms.Web.Tests.Exports;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+35569001", "'+35569001")]
    [InlineData("-1001700000001", "'-1001700000001")]
    [InlineData("@kqz_njoftime", "'@kqz_njoftime")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    public void Text_starting_like_a_formula_gets_a_leading_quote(string value, string escaped) =>
        Assert.Equal(escaped, SpreadsheetText.Escape(value));

    [Theory]
    [InlineData("KZAZ 1")]
    [InlineData("Njoftime KQZ – KQV")]
    [InlineData("a=b")]
    [InlineData("'=already quoted")]
    [InlineData("")]
    public void Ordinary_text_is_unchanged(string value) => Assert.Equal(value, SpreadsheetText.Escape(value));

    [Fact]
    public void Null_stays_null() => Assert.Null(SpreadsheetText.Escape(null));

    [Fact]
    public void Numbers_are_not_text_and_pass_unchanged()
    {
        Assert.Equal(-5, SpreadsheetText.Cell(-5));
        Assert.Equal("'-5", SpreadsheetText.Cell("-5"));
        Assert.Null(SpreadsheetText.Cell(null));
    }
}
