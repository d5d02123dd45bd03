using System.Globalization;
using System.Text;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Messages;

/// <summary>
/// The formatting a message may use on both platforms (see <see cref="MessageMarkup"/>), its limits, and its
/// rendering for each platform.
/// </summary>
public static class MessageFormatting
{
    /// <summary>Telegram Bot API: 1–4096 characters of text after entity parsing.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>Telegram Bot API: a caption (text sent with a document or photo) is 0–1024 characters after entity parsing.</summary>
    public const int MaxCaptionLength = 1024;

    public static void Validate(string text, bool hasAttachment)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("Message.Format.Empty");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (IsForbidden(text[i]))
            {
                throw new DomainException("Message.Format.ForbiddenCharacter", ((int)text[i]).ToString("X4", CultureInfo.InvariantCulture), i + 1);
            }
        }

        var length = VisibleLength(MessageMarkup.Parse(text));
        var max = hasAttachment ? MaxCaptionLength : MaxTextLength;
        if (length > max)
        {
            throw new DomainException(hasAttachment ? "Message.Format.CaptionTooLong" : "Message.Format.TooLong", length, max);
        }
    }

    /// <summary>The Albanian and English texts as one post (<see cref="MessageContent.Published"/>) within the same limit.</summary>
    public static void ValidateBoth(string published, bool hasAttachment)
    {
        var length = VisibleLength(MessageMarkup.Parse(published));
        var max = hasAttachment ? MaxCaptionLength : MaxTextLength;
        if (length > max)
        {
            throw new DomainException("Message.Format.BothTooLong", length, max);
        }
    }

    /// <summary>
    /// What Telegram counts: the text left after the markers are removed, a line break counting one. Measured in
    /// UTF-16 code units (the unit of the Bot API's entity offsets): reports disagree whether the 4096 limit counts
    /// code units or code points, and code units are never fewer, so a text accepted here is accepted by Telegram.
    /// </summary>
    public static int VisibleLength(IReadOnlyList<MarkupToken> tokens) => tokens.Sum(t => t.Kind switch
    {
        MarkupTokenKind.Text or MarkupTokenKind.Link => t.Text.Length,
        MarkupTokenKind.LineBreak => 1,
        _ => 0,
    });

    /// <summary>For the Bot API with parse_mode=HTML: only b, i, s and code tags; every &lt;, &gt; and &amp; escaped.</summary>
    public static string ToTelegramHtml(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        foreach (var token in MessageMarkup.Parse(text))
        {
            html.Append(token.Kind switch
            {
                MarkupTokenKind.Open => "<" + TelegramTag(token.Style) + ">",
                MarkupTokenKind.Close => "</" + TelegramTag(token.Style) + ">",
                MarkupTokenKind.LineBreak => "\n",
                // Telegram turns a plain https address into a link itself; the address is sent as escaped text.
                _ => Escape(token.Text),
            });
        }

        return html.ToString();
    }

    /// <summary>WhatsApp markup: *bold*, _italic_, ~strikethrough~ and ```monospace``` for code.</summary>
    public static string ToWhatsAppText(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var token in MessageMarkup.Parse(text))
        {
            result.Append(token.Kind switch
            {
                MarkupTokenKind.Open or MarkupTokenKind.Close => token.Style == MarkupStyle.Code
                    ? "```"
                    : MessageMarkup.MarkerOf(token.Style).ToString(),
                MarkupTokenKind.LineBreak => "\n",
                _ => token.Text,
            });
        }

        return result.ToString();
    }

    // The Bot API accepts only &lt; &gt; &amp; &quot; as named entities; these three are all plain text needs.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string TelegramTag(MarkupStyle style) => style switch
    {
        MarkupStyle.Bold => "b",
        MarkupStyle.Italic => "i",
        MarkupStyle.Strikethrough => "s",
        _ => "code",
    };

    // Control characters other than tab and line breaks, and the bidirectional overrides and isolates that can make
    // a text read differently from what it says (U+202A–U+202E, U+2066–U+2069).
    private static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
