using System.Net;
using System.Text.RegularExpressions;

namespace ElectionComms.Web.Tests.Infrastructure;

/// <summary>Reads the body rows of a table marked <c>data-testid</c> as cell texts, enough to assert on lists.</summary>
public static partial class HtmlTable
{
    /// <returns>One array of cell texts (th and td, tags stripped, entities decoded) per body row.</returns>
    public static IReadOnlyList<string[]> Rows(string html, string testId)
    {
        var table = Regex.Match(html, $"<table[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"The page has no table '{testId}'");
        var body = TbodyPattern().Match(table.Groups[1].Value);
        Assert.True(body.Success, $"Table '{testId}' has no tbody");
        return RowPattern().Matches(body.Groups[1].Value)
            .Select(row => CellPattern().Matches(row.Groups[1].Value).Select(cell => Text(cell.Groups[1].Value)).ToArray())
            .ToList();
    }

    /// <summary>The first cell of each body row, e.g. the numbers of a list.</summary>
    public static IReadOnlyList<string> FirstColumn(string html, string testId) => Rows(html, testId).Select(r => r[0]).ToList();

    public static bool Exists(string html, string testId) => html.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal);

    private static string Text(string fragment) =>
        WhiteSpacePattern().Replace(WebUtility.HtmlDecode(TagPattern().Replace(fragment, " ")), " ").Trim();

    [GeneratedRegex("<tbody[^>]*>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex TbodyPattern();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpacePattern();
}
