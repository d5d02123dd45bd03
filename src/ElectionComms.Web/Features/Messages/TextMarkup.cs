using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ElectionComms.Domain.Messages;
using Microsoft.AspNetCore.Html;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// The review page's two text views, written small: the text with personal-data findings marked (§10), and a
/// word-level difference between two versions. Both HTML-encode every piece of text they emit.
/// </summary>
public static partial class TextMarkup
{
    // The same ranges the portal's pages leave readable (Albanian letters, typographic quotes); everything else is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(
        UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA, UnicodeRanges.GeneralPunctuation);

    public static IHtmlContent Highlight(string text, IReadOnlyList<PersonalDataFinding> findings, Func<PersonalDataKind, string> label)
    {
        var html = new StringBuilder();
        var position = 0;
        foreach (var finding in findings.Where(f => f.Start >= 0 && f.Length > 0 && f.Start + f.Length <= text.Length).OrderBy(f => f.Start))
        {
            if (finding.Start < position)
            {
                continue;
            }

            html.Append(Encode(text[position..finding.Start]));
            html.Append("<mark class=\"pii-finding\" title=\"").Append(Encoder.Encode(label(finding.Kind))).Append("\">")
                .Append(Encode(text.Substring(finding.Start, finding.Length))).Append("</mark>");
            position = finding.Start + finding.Length;
        }

        html.Append(Encode(text[position..]));
        return new HtmlString(html.ToString());
    }

    /// <summary>Words removed from <paramref name="before"/> in &lt;del&gt;, words added in &lt;ins&gt;, by longest common subsequence.</summary>
    public static IHtmlContent Diff(string before, string after)
    {
        var a = Tokens().Matches(before).Select(m => m.Value).ToArray();
        var b = Tokens().Matches(after).Select(m => m.Value).ToArray();

        // Messages are at most 4,096 characters, so the quadratic table stays small (about a million cells at most).
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var html = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                html.Append(Encode(a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                html.Append("<ins class=\"diff-added\">").Append(Encode(b[y])).Append("</ins>");
                y++;
            }
            else
            {
                html.Append("<del class=\"diff-removed\">").Append(Encode(a[x])).Append("</del>");
                x++;
            }
        }

        return new HtmlString(html.ToString());
    }

    private static string Encode(string text) => Encoder.Encode(text).Replace("\n", "<br>", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+|\w+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();
}
