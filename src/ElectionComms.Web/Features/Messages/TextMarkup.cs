using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using DiffPlex;
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

    /// <summary>
    /// Words removed from <paramref name="before"/> in &lt;del&gt;, words added in &lt;ins&gt;, by DiffPlex's Myers diff
    /// over the same tokens (runs of white space, words, single signs). Memory grows with the text and the changes, not
    /// with their product as a table of every pair of tokens would (ADR 0022). In each changed run the added words come
    /// before the removed ones, as the review page has always shown them.
    /// </summary>
    public static IHtmlContent Diff(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordTokens.Instance);
        var a = result.PiecesOld;
        var b = result.PiecesNew;
        var html = new StringBuilder(before.Length + after.Length);
        var x = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; x < block.DeleteStartA; x++)
            {
                html.Append(Encode(a[x]));
            }

            for (var y = block.InsertStartB; y < block.InsertStartB + block.InsertCountB; y++)
            {
                html.Append("<ins class=\"diff-added\">").Append(Encode(b[y])).Append("</ins>");
            }

            for (; x < block.DeleteStartA + block.DeleteCountA; x++)
            {
                html.Append("<del class=\"diff-removed\">").Append(Encode(a[x])).Append("</del>");
            }
        }

        for (; x < a.Count; x++)
        {
            html.Append(Encode(a[x]));
        }

        return new HtmlString(html.ToString());
    }

    private static string Encode(string text) => Encoder.Encode(text).Replace("\n", "<br>", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+|\w+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    /// <summary>The diff's unit: white space, a word or one sign, so a changed word is marked whole.</summary>
    private sealed class WordTokens : IChunker
    {
        public static readonly WordTokens Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Tokens().Matches(text).Select(m => m.Value).ToArray();
    }
}
