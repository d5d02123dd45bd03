using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ElectionComms.Web.Features.Messages;

namespace ElectionComms.Web.Tests.Features.Messages;

/// <summary>
/// §7: the review page's word diff between two versions marks exactly what changed, and its memory stays bounded for a
/// long text (ADR 0022: DiffPlex in place of a table of every pair of tokens).
/// </summary>
public sealed partial class VersionDiffTests
{
    [Fact]
    public void Five_thousand_word_text_marks_exactly_the_changed_words_within_bounded_memory()
    {
        var words = Enumerable.Range(0, 5_000).Select(i => $"fjala{i}").ToArray();
        var changed = (string[])words.Clone();
        var replaced = new[] { 17, 1_250, 2_500, 3_999, 4_998 };
        foreach (var i in replaced)
        {
            changed[i] = $"ndryshuar{i}";
        }

        var before = string.Join(' ', words);
        var after = string.Join(' ', changed);
        TextMarkup.Diff("ngrohje e parë", "ngrohje e dytë");

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var html = TextMarkup.Diff(before, after).ToString()!;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        var (kept, added, removed) = Parse(html);
        Assert.Equal(replaced.Select(i => $"ndryshuar{i}"), added);
        Assert.Equal(replaced.Select(i => $"fjala{i}"), removed);
        Assert.Equal(before, Rebuild(html, keepAdded: false));
        Assert.Equal(after, Rebuild(html, keepAdded: true));
        Assert.Equal((2 * 5_000) - 1 - replaced.Length, kept);

        // 9,999 tokens a side: a table of every pair would be 9,999² ints, about 400 MB (67 MB at the 4,096-character limit).
        Assert.True(allocated < 20 * 1024 * 1024, $"The diff allocated {allocated / (1024 * 1024.0):F1} MB");
    }

    [Fact]
    public void Changed_number_is_marked_added_then_removed_with_the_rest_kept()
    {
        var html = TextMarkup.Diff("Mbledhja nesër në orën 10:00.", "Mbledhja nesër në orën 11:00.").ToString();

        Assert.Equal("Mbledhja nesër në orën <ins class=\"diff-added\">11</ins><del class=\"diff-removed\">10</del>:00.", html);
    }

    [Fact]
    public void Markup_is_encoded_and_line_breaks_are_kept()
    {
        var html = TextMarkup.Diff("a <b>\nc", "a <i>\nc & d").ToString()!;

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", html, StringComparison.Ordinal);
        Assert.Equal("a <b>\nc", Rebuild(html, keepAdded: false));
        Assert.Equal("a <i>\nc & d", Rebuild(html, keepAdded: true));
    }

    /// <summary>
    /// On 600 random pairs of short texts: both versions are rebuilt exactly from the markup, and as many tokens are
    /// kept as the longest common subsequence has (the diff is minimal, as the old table's was).
    /// </summary>
    [Fact]
    public void Random_versions_are_rebuilt_exactly_and_the_kept_tokens_are_a_longest_common_subsequence()
    {
        var random = new Random(253);
        string[] pieces = ["a", "b", "ë", "Ç", " ", "  ", "\n", ".", ",", "<", "&", "12"];
        string Text(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => pieces[random.Next(pieces.Length)]));
        for (var run = 0; run < 600; run++)
        {
            var before = Text(random.Next(0, 25));
            var after = random.Next(3) == 0 ? Text(random.Next(0, 25)) : Mutate(before, random, pieces);

            var html = TextMarkup.Diff(before, after).ToString()!;

            Assert.Equal(before, Rebuild(html, keepAdded: false));
            Assert.Equal(after, Rebuild(html, keepAdded: true));
            Assert.True(Parse(html).Kept == LongestCommonSubsequence(Tokens(before), Tokens(after)), $"not minimal: «{before}» → «{after}»: {html}");
        }
    }

    private static string Mutate(string text, Random random, string[] pieces)
    {
        var result = new StringBuilder(text);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(result.Length + 1);
            if (random.Next(2) == 0 && at < result.Length)
            {
                result.Remove(at, 1);
            }
            else
            {
                result.Insert(at, pieces[random.Next(pieces.Length)]);
            }
        }

        return result.ToString();
    }

    private static (int Kept, List<string> Added, List<string> Removed) Parse(string html)
    {
        var kept = 0;
        List<string> added = [], removed = [];
        foreach (Match part in Parts().Matches(html))
        {
            if (part.Groups["added"].Success)
            {
                added.Add(Decode(part.Groups["added"].Value));
            }
            else if (part.Groups["removed"].Success)
            {
                removed.Add(Decode(part.Groups["removed"].Value));
            }
            else
            {
                kept += Tokens(Decode(part.Value)).Length;
            }
        }

        return (kept, added, removed);
    }

    private static string Rebuild(string html, bool keepAdded) => string.Concat(Parts().Matches(html).Select(part =>
        part.Groups["added"].Success ? (keepAdded ? Decode(part.Groups["added"].Value) : string.Empty)
        : part.Groups["removed"].Success ? (keepAdded ? string.Empty : Decode(part.Groups["removed"].Value))
        : Decode(part.Value)));

    private static string Decode(string html) => WebUtility.HtmlDecode(html.Replace("<br>", "\n", StringComparison.Ordinal));

    private static string[] Tokens(string text) => TokenPattern().Matches(text).Select(m => m.Value).ToArray();

    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        return lengths[0, 0];
    }

    /// <summary>The page's tokens: white space, a word, one sign.</summary>
    [GeneratedRegex(@"\s+|\w+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<ins class=\"diff-added\">(?<added>.*?)</ins>|<del class=\"diff-removed\">(?<removed>.*?)</del>|(?:(?!<ins |<del ).)+", RegexOptions.Singleline)]
    private static partial Regex Parts();
}
