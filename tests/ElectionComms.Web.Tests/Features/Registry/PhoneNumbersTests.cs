using ElectionComms.Web.Common;
using ElectionComms.Web.Features.Registry;

// The class shares its name with libphonenumber's root namespace, so it is reached through an alias.
using Phones = ElectionComms.Web.Common.PhoneNumbers;

namespace ElectionComms.Web.Tests.Features.Registry;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("069 123 4567", "+355691234567")]
    [InlineData("0691234567", "+355691234567")]
    [InlineData("069-123-4567", "+355691234567")]
    [InlineData("(069) 123 45 67", "+355691234567")]
    [InlineData("+355 69 123 4567", "+355691234567")]
    [InlineData("+355691234567", "+355691234567")]
    [InlineData("00355691234567", "+355691234567")]
    [InlineData("00 355 69 123 4567", "+355691234567")]
    [InlineData("355691234567", "+355691234567")]
    [InlineData("355 69 123 4567", "+355691234567")]
    [InlineData("  069 123 4567  ", "+355691234567")]
    [InlineData("691234567", "+355691234567")]
    [InlineData("068 234 5678", "+355682345678")]
    [InlineData("067 234 5678", "+355672345678")]
    [InlineData("04 222 3333", "+35542223333")]
    [InlineData("+39 347 123 4567", "+393471234567")]
    [InlineData("0039 347 123 4567", "+393471234567")]
    [InlineData("+30 694 123 4567", "+306941234567")]
    [InlineData("+44 7911 123456", "+447911123456")]
    [InlineData("+1 202 555 0143", "+12025550143")]
    public void Common_spellings_become_e164(string typed, string expected)
    {
        var phone = Phones.Normalise(typed);

        Assert.True(phone.IsValid, typed);
        Assert.Equal(expected, phone.E164);
    }

    [Theory]
    [InlineData(null, PhoneProblem.Required)]
    [InlineData("", PhoneProblem.Required)]
    [InlineData("   ", PhoneProblem.Required)]
    [InlineData("telefon", PhoneProblem.NotANumber)]
    [InlineData("abc-def", PhoneProblem.NotANumber)]
    [InlineData("069 123", PhoneProblem.TooShort)]
    [InlineData("9999", PhoneProblem.TooShort)]
    [InlineData("01a9", PhoneProblem.NotANumber)]
    [InlineData("069 123 45678 9", PhoneProblem.TooLong)]
    [InlineData("+355 12", PhoneProblem.TooShort)]
    [InlineData("0000000000", PhoneProblem.Invalid)]
    [InlineData("+999 123 456 789", PhoneProblem.NotANumber)]
    [InlineData("347 123 4567", PhoneProblem.TooLong)]
    public void Invalid_input_is_refused_with_its_reason(string? typed, PhoneProblem expected)
    {
        var phone = Phones.Normalise(typed);

        Assert.False(phone.IsValid);
        Assert.Null(phone.E164);
        Assert.Equal(expected, phone.Problem);
    }

    [Theory]
    [InlineData("+355691234567", "+355 69 *** **67")]
    [InlineData("+355682345678", "+355 68 *** **78")]
    [InlineData("+393471234567", "+39 347 *** **67")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_keeps_the_country_code_the_first_group_and_the_last_two_digits(string? e164, string expected) =>
        Assert.Equal(expected, Phones.Mask(e164));

    [Fact]
    public void Display_spells_the_number_internationally() =>
        Assert.Equal("+355 69 123 4567", Phones.Display("+355691234567"));

    [Theory]
    [InlineData("069 123 4567", "+355 69 *** **67")]
    [InlineData("01a9", "**a9")]
    [InlineData("9999", "**99")]
    [InlineData(" 069 12 ", "*** 12")]
    [InlineData(null, "")]
    public void Typed_value_is_masked_for_messages_valid_or_not(string? typed, string expected) =>
        Assert.Equal(expected, Phones.MaskTyped(typed));
}
