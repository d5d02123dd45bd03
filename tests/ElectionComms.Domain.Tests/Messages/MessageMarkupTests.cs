using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;

namespace ElectionComms.Domain.Tests.Messages;

public sealed class MessageMarkupTests
{
    [Fact]
    public void Parse_yields_text_styles_links_and_line_breaks_in_order()
    {
        var tokens = MessageMarkup.Parse("*Kujdes* lexoni\nhttps://kqz.gov.al/vendime.");

        Assert.Equal(
            [
                new MarkupToken(MarkupTokenKind.Open, Style: MarkupStyle.Bold),
                new MarkupToken(MarkupTokenKind.Text, "Kujdes"),
                new MarkupToken(MarkupTokenKind.Close, Style: MarkupStyle.Bold),
                new MarkupToken(MarkupTokenKind.Text, " lexoni"),
                new MarkupToken(MarkupTokenKind.LineBreak),
                new MarkupToken(MarkupTokenKind.Link, "https://kqz.gov.al/vendime"),
                new MarkupToken(MarkupTokenKind.Text, "."),
            ],
            tokens);
    }

    [Fact]
    public void Error_position_counts_characters_of_the_text_as_written_including_carriage_returns()
    {
        var error = Assert.Throws<DomainException>(() => MessageMarkup.Parse("a\r\nb _c"));
        Assert.Equal("Message.Format.Unclosed", error.Code);
        Assert.Equal(["_", 6], error.Arguments);
    }

    [Fact]
    public void Link_stops_before_angle_brackets_and_quotes()
    {
        Assert.Equal(
            "https://kqz.gov.al/&lt;script&gt;x",
            MessageFormatting.ToTelegramHtml("https://kqz.gov.al/<script>x"));
        Assert.Equal(
            [MarkupTokenKind.Link, MarkupTokenKind.Text],
            MessageMarkup.Parse("https://kqz.gov.al/\"x").Select(t => t.Kind));
    }

    [Fact]
    public void Plain_http_and_addresses_inside_words_are_not_links()
    {
        Assert.All(MessageMarkup.Parse("http://kqz.gov.al dhehttps://x.al"), t => Assert.Equal(MarkupTokenKind.Text, t.Kind));
    }

    [Fact]
    public void Code_inside_bold_is_allowed_but_nothing_is_formatted_inside_code()
    {
        Assert.Equal("<b>Kodi <code>_KQV_ *1*</code></b>", MessageFormatting.ToTelegramHtml("*Kodi `_KQV_ *1*`*"));
    }
}
