using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Tests.Channels;

public sealed class JoinLinkTests
{
    [Theory]
    [InlineData(Platform.Telegram, "https://t.me/+AbCdEfGh12345")]
    [InlineData(Platform.Telegram, "https://t.me/kqz_administrata")]
    [InlineData(Platform.Telegram, "https://t.me/joinchat/AbCdEfGh12345")]
    [InlineData(Platform.WhatsApp, "https://chat.whatsapp.com/AbCdEfGh1234567890")]
    public void Platform_links_are_accepted(Platform platform, string link) =>
        Assert.Equal(link, JoinLink.Normalise(platform, "  " + link + " "));

    [Fact]
    public void Empty_link_clears_it() => Assert.Null(JoinLink.Normalise(Platform.Telegram, "  "));

    [Theory]
    [InlineData(Platform.Telegram, "http://t.me/+AbCdEfGh12345", "Group.JoinLinkInvalid")]
    [InlineData(Platform.Telegram, "https://evil.example/t.me/+AbCdEfGh12345", "Group.JoinLinkInvalid")]
    [InlineData(Platform.Telegram, "https://t.me/+Ab", "Group.JoinLinkInvalid")]
    [InlineData(Platform.WhatsApp, "https://chat.whatsapp.com/abc", "Group.JoinLinkInvalid")]
    [InlineData(Platform.Telegram, "https://chat.whatsapp.com/AbCdEfGh1234567890", "Group.JoinLinkWrongPlatform")]
    [InlineData(Platform.WhatsApp, "https://t.me/+AbCdEfGh12345", "Group.JoinLinkWrongPlatform")]
    [InlineData(Platform.KqzApp, "https://t.me/+AbCdEfGh12345", "Group.JoinLinkUnsupportedPlatform")]
    public void Bad_links_are_refused(Platform platform, string link, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => JoinLink.Normalise(platform, link)).Code);

    [Theory]
    [InlineData("https://t.me/KqzAdministrataBot?start=g12", true)]
    [InlineData("https://t.me/kqz_bot?start=abc-DEF_1", true)]
    [InlineData("https://t.me/KqzAdministrata?start=g12", false)]
    [InlineData("https://t.me/KqzAdministrataBot", false)]
    [InlineData("https://t.me/KqzAdministrataBot?start=<script>", false)]
    public void Bot_start_links_must_name_a_bot_and_a_start_parameter(string link, bool valid)
    {
        if (valid)
        {
            Assert.Equal(link, JoinLink.NormaliseBotStart(link));
        }
        else
        {
            Assert.Equal("Group.BotStartLinkInvalid", Assert.Throws<DomainException>(() => JoinLink.NormaliseBotStart(link)).Code);
        }
    }
}
