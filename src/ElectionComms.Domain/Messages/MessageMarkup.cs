using System.Text;
using System.Text.RegularExpressions;
using ElectionComms.Domain.Common;

namespace ElectionComms.Domain.Messages;

public enum MarkupStyle
{
    Bold,
    Italic,
    Strikethrough,
    Code,
}

public enum MarkupTokenKind
{
    Text,
    Open,
    Close,
    Link,
    LineBreak,
}

/// <summary>One piece of a parsed message: text, a style opening or closing, an https link, or a line break.</summary>
public sealed record MarkupToken(MarkupTokenKind Kind, string Text = "", MarkupStyle Style = MarkupStyle.Bold);

/// <summary>
/// Parses the formatting common to Telegram and WhatsApp: *bold*, _italic_, ~strikethrough~, `code`, https links and
/// line breaks. As on WhatsApp, a marker opens only before a non-space character and not inside a word, and closes
/// only after a non-space character and not inside a word ("snake_case", "2 * 3" stay literal). Styles may nest but
/// not cross, must close on the same line, and nothing is formatted inside code or links. Broken markup throws a
/// <see cref="DomainException"/> naming the marker and its 1-based position.
/// </summary>
public static class MessageMarkup
{
    private static readonly Regex Url = new(@"\Ghttps://[^\s<>""*~`]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static IReadOnlyList<MarkupToken> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = text;
        var tokens = new List<MarkupToken>();
        var open = new List<(MarkupStyle Style, int Position)>();
        var literal = new StringBuilder();

        void Flush()
        {
            if (literal.Length > 0)
            {
                tokens.Add(new MarkupToken(MarkupTokenKind.Text, literal.ToString()));
                literal.Clear();
            }
        }

        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r')
            {
                if (open.Count > 0)
                {
                    throw Broken("Unclosed", open[^1].Style, open[^1].Position);
                }

                Flush();
                tokens.Add(new MarkupToken(MarkupTokenKind.LineBreak));
                continue;
            }

            var inCode = open.Count > 0 && open[^1].Style == MarkupStyle.Code;
            if (c == 'h' && !inCode && !(i > 0 && char.IsLetterOrDigit(source[i - 1])) && Url.Match(source, i) is { Success: true } url)
            {
                var link = url.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', '_');
                Flush();
                tokens.Add(new MarkupToken(MarkupTokenKind.Link, link));
                i += link.Length - 1;
                continue;
            }

            if (StyleOf(c) is not { } style || (inCode && style != MarkupStyle.Code))
            {
                literal.Append(c);
                continue;
            }

            var index = open.FindIndex(o => o.Style == style);
            if (index >= 0 && CanClose(source, i))
            {
                if (index != open.Count - 1)
                {
                    throw Broken("Crossed", style, i);
                }

                if (tokens.Count > 0 && tokens[^1].Kind == MarkupTokenKind.Open && literal.Length == 0)
                {
                    throw Broken("EmptySpan", style, open[index].Position);
                }

                Flush();
                tokens.Add(new MarkupToken(MarkupTokenKind.Close, Style: style));
                open.RemoveAt(index);
            }
            else if (!inCode && CanOpen(source, i))
            {
                if (index >= 0)
                {
                    throw Broken("Nested", style, i);
                }

                Flush();
                tokens.Add(new MarkupToken(MarkupTokenKind.Open, Style: style));
                open.Add((style, i));
            }
            else
            {
                literal.Append(c);
            }
        }

        if (open.Count > 0)
        {
            throw Broken("Unclosed", open[^1].Style, open[^1].Position);
        }

        Flush();
        return tokens;
    }

    /// <summary>The marker character a style is written with.</summary>
    public static char MarkerOf(MarkupStyle style) => style switch
    {
        MarkupStyle.Bold => '*',
        MarkupStyle.Italic => '_',
        MarkupStyle.Strikethrough => '~',
        _ => '`',
    };

    private static MarkupStyle? StyleOf(char c) => c switch
    {
        '*' => MarkupStyle.Bold,
        '_' => MarkupStyle.Italic,
        '~' => MarkupStyle.Strikethrough,
        '`' => MarkupStyle.Code,
        _ => null,
    };

    private static bool CanOpen(string s, int i) =>
        i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]) && (i == 0 || !char.IsLetterOrDigit(s[i - 1]));

    private static bool CanClose(string s, int i) =>
        i > 0 && !char.IsWhiteSpace(s[i - 1]) && (i + 1 == s.Length || !char.IsLetterOrDigit(s[i + 1]));

    private static DomainException Broken(string reason, MarkupStyle style, int index) =>
        new("Message.Format." + reason, MarkerOf(style).ToString(), index + 1);
}
