using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Tests.Administration;

public sealed class VotingCentreNumberTests
{
    [Theory]
    [InlineData("0119")]
    [InlineData("0119/1")]
    [InlineData("0001/12")]
    [InlineData("5225")]
    public void Parse_accepts_four_digits_with_an_optional_sub_number(string text)
    {
        var number = VotingCentreNumber.Parse(text);

        Assert.Equal(text, number.Value);
        Assert.Equal(text, number.ToString());
    }

    [Fact]
    public void Parse_trims_surrounding_spaces() =>
        Assert.Equal("0119/1", VotingCentreNumber.Parse(" 0119/1 ").Value);

    [Theory]
    [InlineData("119")]
    [InlineData("0000")]
    [InlineData("0000/1")]
    [InlineData("0119/0")]
    [InlineData("0119/01")]
    [InlineData("0119/100")]
    [InlineData("01190")]
    [InlineData("abcd")]
    [InlineData("0119/")]
    [InlineData("0119-1")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_refuses_anything_else(string? text)
    {
        var error = Assert.Throws<DomainException>(() => VotingCentreNumber.Parse(text));

        Assert.Equal("Kqv.NumberInvalid", error.Code);
        Assert.False(VotingCentreNumber.TryParse(text, out _));
    }

    [Fact]
    public void Numbers_with_the_same_text_are_equal() =>
        Assert.Equal(VotingCentreNumber.Parse("0119/1"), VotingCentreNumber.Parse("0119/1"));
}
