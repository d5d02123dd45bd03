using System.Text;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Messages;
using Microsoft.AspNetCore.Html;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// Shows a draft as it will look on a platform: the message's formatting as HTML inside a chat-bubble container
/// ("preview preview-telegram", "preview preview-whatsapp"; styled in site.css). Every piece of the author's text is
/// HTML-encoded; the only markup produced is b, i, s, code, br and links to https addresses. A draft whose
/// formatting is broken is shown as plain text, since the page reports the error itself.
/// </summary>
public static class PlatformPreview
{
    public static IHtmlContent Render(string text, Platform platform)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder(text.Length * 2 + 64);
        html.Append("<div class=\"preview preview-").Append(platform.ToString().ToLowerInvariant()).Append("\">");
        try
        {
            foreach (var token in MessageMarkup.Parse(text))
            {
                Append(html, token);
            }
        }
        catch (DomainException)
        {
            html.Length = html.ToString().IndexOf('>', StringComparison.Ordinal) + 1;
            AppendPlain(html, text);
        }

        return new HtmlString(html.Append("</div>").ToString());
    }

    private static void Append(StringBuilder html, MarkupToken token)
    {
        switch (token.Kind)
        {
            case MarkupTokenKind.Open:
                html.Append('<').Append(Tag(token.Style)).Append('>');
                break;
            case MarkupTokenKind.Close:
                html.Append("</").Append(Tag(token.Style)).Append('>');
                break;
            case MarkupTokenKind.LineBreak:
                html.Append("<br>");
                break;
            case MarkupTokenKind.Link:
                // The parser only yields https addresses without spaces, quotes or angle brackets; encoded all the same.
                html.Append("<a href=\"").Append(Encode(token.Text))
                    .Append("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">")
                    .Append(Encode(token.Text)).Append("</a>");
                break;
            default:
                html.Append(Encode(token.Text));
                break;
        }
    }

    private static void AppendPlain(StringBuilder html, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        html.AppendJoin("<br>", lines.Select(Encode));
    }

    private static string Tag(MarkupStyle style) => style switch
    {
        MarkupStyle.Bold => "b",
        MarkupStyle.Italic => "i",
        MarkupStyle.Strikethrough => "s",
        _ => "code",
    };

    // Minimal encoding that is safe in element content and in double-quoted attributes, and leaves ë and ç readable.
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
