using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;

namespace ElectionComms.Domain.Tests.Messages;

public sealed class MessageFormattingTests
{
    [Theory]
    [InlineData("*Kujdes:* afati është nesër.", "<b>Kujdes:</b> afati është nesër.")]
    [InlineData("_Njoftim_ për KQV-të", "<i>Njoftim</i> për KQV-të")]
    [InlineData("Ora ~18:00~ 19:00", "Ora <s>18:00</s> 19:00")]
    [InlineData("Kodi `KQV-0119/1`", "Kodi <code>KQV-0119/1</code>")]
    [InlineData("*Shënim _shumë_ i rëndësishëm*", "<b>Shënim <i>shumë</i> i rëndësishëm</b>")]
    [InlineData("Rreshti 1\nRreshti 2", "Rreshti 1\nRreshti 2")]
    [InlineData("Rreshti 1\r\nRreshti 2", "Rreshti 1\nRreshti 2")]
    [InlineData("Çështja e zgjedhësve në Korçë", "Çështja e zgjedhësve në Korçë")]
    public void Telegram_html_uses_b_i_s_and_code(string text, string expected)
    {
        Assert.Equal(expected, MessageFormatting.ToTelegramHtml(text));
    }

    [Theory]
    [InlineData("<script>alert('x')</script>", "&lt;script&gt;alert('x')&lt;/script&gt;")]
    [InlineData("*<b onclick=x>*", "<b>&lt;b onclick=x&gt;</b>")]
    [InlineData("Tom & Jerry <a href=\"javascript:alert(1)\">kliko</a>", "Tom &amp; Jerry &lt;a href=\"javascript:alert(1)\"&gt;kliko&lt;/a&gt;")]
    [InlineData("`</code><script>`", "<code>&lt;/code&gt;&lt;script&gt;</code>")]
    [InlineData("&lt; already", "&amp;lt; already")]
    public void Telegram_html_escapes_everything_that_is_not_formatting(string text, string expected)
    {
        Assert.Equal(expected, MessageFormatting.ToTelegramHtml(text));
    }

    [Theory]
    [InlineData("snake_case_name", "snake_case_name")]
    [InlineData("2 * 3 = 6", "2 * 3 = 6")]
    [InlineData("5*3*2", "5*3*2")]
    [InlineData("Shiko https://kqz.gov.al/vendime_2023/nr_253.", "Shiko https://kqz.gov.al/vendime_2023/nr_253.")]
    [InlineData("_https://kqz.gov.al/a_b_", "<i>https://kqz.gov.al/a_b</i>")]
    [InlineData("`*jo bold*`", "<code>*jo bold*</code>")]
    public void Markers_inside_words_links_and_code_are_literal(string text, string expected)
    {
        Assert.Equal(expected, MessageFormatting.ToTelegramHtml(text));
    }

    [Theory]
    [InlineData("*Kujdes:* afati", "*Kujdes:* afati")]
    [InlineData("_a_ ~b~", "_a_ ~b~")]
    [InlineData("Kodi `KQV-0119/1`", "Kodi ```KQV-0119/1```")]
    [InlineData("<b>jo</b> & më", "<b>jo</b> & më")]
    [InlineData("a\r\nb", "a\nb")]
    public void WhatsApp_text_keeps_the_markers_and_writes_code_as_monospace(string text, string expected)
    {
        Assert.Equal(expected, MessageFormatting.ToWhatsAppText(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t\n")]
    public void Blank_message_is_refused(string text)
    {
        Assert.Equal("Message.Format.Empty", Assert.Throws<DomainException>(() => MessageFormatting.Validate(text, hasAttachment: false)).Code);
    }

    [Theory]
    [InlineData("*Kujdes: afati", "Message.Format.Unclosed", "*", 1)]
    [InlineData("Afati _është nesër", "Message.Format.Unclosed", "_", 7)]
    [InlineData("*a _b* c_", "Message.Format.Crossed", "*", 6)]
    [InlineData("*a *b* c*", "Message.Format.Nested", "*", 4)]
    [InlineData("*bold\nrreshti tjetër*", "Message.Format.Unclosed", "*", 1)]
    [InlineData("`kod", "Message.Format.Unclosed", "`", 1)]
    public void Broken_markup_is_refused_naming_the_marker_and_position(string text, string code, string marker, int position)
    {
        var error = Assert.Throws<DomainException>(() => MessageFormatting.Validate(text, hasAttachment: false));
        Assert.Equal(code, error.Code);
        Assert.Equal([marker, position], error.Arguments);
    }

    [Theory]
    [InlineData("Zile\u0007", "0007", 5)]
    [InlineData("a\u0000b", "0000", 2)]
    [InlineData("Paguaj \u202Eën\u202C", "202E", 8)]
    [InlineData("\u001B[31mkuq", "001B", 1)]
    public void Control_characters_are_refused(string text, string hex, int position)
    {
        var error = Assert.Throws<DomainException>(() => MessageFormatting.Validate(text, hasAttachment: false));
        Assert.Equal("Message.Format.ForbiddenCharacter", error.Code);
        Assert.Equal([hex, position], error.Arguments);
    }

    [Fact]
    public void Tabs_and_line_breaks_are_allowed()
    {
        MessageFormatting.Validate("Lista:\r\n\t1. KQV 0119/1\n\t2. KQV 0120", hasAttachment: false);
    }

    [Fact]
    public void Text_of_4096_visible_characters_is_accepted_even_with_markers_around_it()
    {
        var text = "*" + new string('ë', 4096) + "*";
        MessageFormatting.Validate(text, hasAttachment: false);
        Assert.Equal(4096, MessageFormatting.VisibleLength(MessageMarkup.Parse(text)));
    }

    [Fact]
    public void Text_of_4097_visible_characters_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => MessageFormatting.Validate(new string('ç', 4097), hasAttachment: false));
        Assert.Equal("Message.Format.TooLong", error.Code);
        Assert.Equal([4097, 4096], error.Arguments);
    }

    [Fact]
    public void Both_texts_together_must_fit_one_post_since_the_group_receives_them_in_one()
    {
        MessageFormatting.ValidateBoth(MessageContent.Published(new string('a', 2000), new string('b', 2094)), hasAttachment: false);
        var error = Assert.Throws<DomainException>(() =>
            MessageFormatting.ValidateBoth(MessageContent.Published(new string('a', 2000), new string('b', 2095)), hasAttachment: false));
        Assert.Equal("Message.Format.BothTooLong", error.Code);
        Assert.Equal([4097, 4096], error.Arguments);
        var caption = Assert.Throws<DomainException>(() =>
            MessageFormatting.ValidateBoth(MessageContent.Published(new string('a', 600), new string('b', 600)), hasAttachment: true));
        Assert.Equal([1202, 1024], caption.Arguments);

        // And a draft is held to it: each text alone fits, both together do not.
        var world = new MessageWorld();
        var draft = Assert.Throws<DomainException>(() => Message.Draft(
            world.Officer, new MessageDraft(new string('a', 3000), new string('b', 3000), null, null, false), [world.Kzaz1], MessageWorld.Now));
        Assert.Equal("Message.Format.BothTooLong", draft.Code);
    }

    [Fact]
    public void Caption_with_an_attachment_is_limited_to_1024_visible_characters()
    {
        MessageFormatting.Validate("_" + new string('a', 1024) + "_", hasAttachment: true);
        var error = Assert.Throws<DomainException>(() => MessageFormatting.Validate(new string('a', 1025), hasAttachment: true));
        Assert.Equal("Message.Format.CaptionTooLong", error.Code);
        Assert.Equal([1025, 1024], error.Arguments);
    }

    [Fact]
    public void Escaped_characters_count_once_toward_the_limit()
    {
        // 4096 "&" become 20,480 characters of HTML, but Telegram counts the 4096 it shows.
        MessageFormatting.Validate(new string('&', 4096), hasAttachment: false);
    }

    [Fact]
    public void Empty_formatting_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => MessageFormatting.Validate("Shiko ** këtu", hasAttachment: false));
        Assert.Equal("Message.Format.EmptySpan", error.Code);
    }

    [Fact]
    public void Realistic_announcement_is_valid_and_converts()
    {
        const string text = "*Njoftim për KQV-të e KZAZ 12*\nDorëzimi i materialeve bëhet më _28.11.2026_, ora `19:00`.\nUdhëzimi: https://kqz.gov.al/udhezime?id=253&v=2";

        MessageFormatting.Validate(text, hasAttachment: false);

        Assert.Equal(
            "<b>Njoftim për KQV-të e KZAZ 12</b>\nDorëzimi i materialeve bëhet më <i>28.11.2026</i>, ora <code>19:00</code>.\nUdhëzimi: https://kqz.gov.al/udhezime?id=253&amp;v=2",
            MessageFormatting.ToTelegramHtml(text));
        Assert.Equal(
            "*Njoftim për KQV-të e KZAZ 12*\nDorëzimi i materialeve bëhet më _28.11.2026_, ora ```19:00```.\nUdhëzimi: https://kqz.gov.al/udhezime?id=253&v=2",
            MessageFormatting.ToWhatsAppText(text));
    }

    [Fact]
    public void Emoji_count_as_two_towards_the_limit_to_stay_on_the_safe_side()
    {
        var error = Assert.Throws<DomainException>(() => MessageFormatting.Validate(string.Concat(Enumerable.Repeat("🗳", 2049)), hasAttachment: false));
        Assert.Equal([4098, 4096], error.Arguments);
    }
}
