using ElectionComms.Domain.Channels;
using ElectionComms.Web.Features.Messages;
using Microsoft.AspNetCore.Html;

namespace ElectionComms.Web.Tests.Features.Messages;

public sealed class PlatformPreviewTests
{
    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void Telegram_preview_is_a_telegram_bubble_with_the_formatting()
    {
        var html = Html(PlatformPreview.Render("*Njoftim* për _KQV-të_ ~dje~ `0119/1`", Platform.Telegram));

        Assert.Equal(
            "<div class=\"preview preview-telegram\"><b>Njoftim</b> për <i>KQV-të</i> <s>dje</s> <code>0119/1</code></div>",
            html);
    }

    [Fact]
    public void WhatsApp_preview_uses_the_whatsapp_class()
    {
        var html = Html(PlatformPreview.Render("Mirëdita", Platform.WhatsApp));

        Assert.Equal("<div class=\"preview preview-whatsapp\">Mirëdita</div>", html);
    }

    [Fact]
    public void Line_breaks_become_br()
    {
        var html = Html(PlatformPreview.Render("Rreshti 1\r\nRreshti 2\nRreshti 3", Platform.Telegram));

        Assert.Equal("<div class=\"preview preview-telegram\">Rreshti 1<br>Rreshti 2<br>Rreshti 3</div>", html);
    }

    [Fact]
    public void Https_address_becomes_a_link_that_opens_apart_and_passes_no_referrer()
    {
        var html = Html(PlatformPreview.Render("Udhëzimi: https://kqz.gov.al/a?b=1&c=2.", Platform.WhatsApp));

        Assert.Equal(
            "<div class=\"preview preview-whatsapp\">Udhëzimi: <a href=\"https://kqz.gov.al/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">https://kqz.gov.al/a?b=1&amp;c=2</a>.</div>",
            html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("*<svg onload=alert(1)>*")]
    [InlineData("https://kqz.gov.al/\"onmouseover=\"alert(1)")]
    [InlineData("javascript:alert(1)")]
    [InlineData("`</code><script>alert(1)</script>`")]
    public void Script_injection_is_shown_as_text(string attack)
    {
        var html = Html(PlatformPreview.Render(attack, Platform.Telegram));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Attribute_breaking_quote_after_a_link_stays_outside_the_href()
    {
        var html = Html(PlatformPreview.Render("https://kqz.gov.al/\"onmouseover=\"alert(1)", Platform.Telegram));

        Assert.Equal(
            "<div class=\"preview preview-telegram\"><a href=\"https://kqz.gov.al/\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">https://kqz.gov.al/</a>&quot;onmouseover=&quot;alert(1)</div>",
            html);
    }

    [Fact]
    public void Broken_formatting_is_previewed_as_encoded_plain_text()
    {
        var html = Html(PlatformPreview.Render("*Kujdes <b>\nafati", Platform.WhatsApp));

        Assert.Equal("<div class=\"preview preview-whatsapp\">*Kujdes &lt;b&gt;<br>afati</div>", html);
    }
}
