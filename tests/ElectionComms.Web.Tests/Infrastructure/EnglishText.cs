using System.Net;
using System.Text.RegularExpressions;

namespace ElectionComms.Web.Tests.Infrastructure;

/// <summary>
/// Finds ASP.NET Core's and jQuery Validation's English defaults in a page that should be Albanian: in the text a
/// user reads (visible text, titles, placeholders, labels for screen readers) and in the data-val-* messages the
/// browser shows when a field is left empty or filled wrongly.
/// </summary>
public static partial class EnglishText
{
    /// <summary>Phrases of the framework's default messages ("The X field is required.", "The value 'a' is not valid for X.").</summary>
    public static readonly IReadOnlyList<string> Phrases =
    [
        "The ", " field is required", "is required.", "is not valid", "is invalid", "must be a number", "must be a string",
        "Please enter", "The value", "The field", "field must", "A value for the", "is not a valid", "must not be empty",
    ];

    /// <summary>Each English phrase found, with where it was found, for the failure message.</summary>
    public static IReadOnlyList<string> Find(string html)
    {
        var body = ScriptOrStyle().Replace(html, " ");
        var readable = new List<(string Where, string Text)>();
        foreach (Match attribute in ReadableAttribute().Matches(body))
        {
            readable.Add((attribute.Groups[1].Value, WebUtility.HtmlDecode(attribute.Groups[2].Value)));
        }

        var text = WebUtility.HtmlDecode(Tag().Replace(body, " "));
        readable.Add(("text", Whitespace().Replace(text, " ")));

        return readable
            .SelectMany(r => Phrases.Where(p => r.Text.Contains(p, StringComparison.Ordinal)).Select(p => $"{r.Where}: “{Around(r.Text, p)}”"))
            .Distinct()
            .ToList();
    }

    private static string Around(string text, string phrase)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        var start = Math.Max(0, at - 40);
        return text.Substring(start, Math.Min(text.Length - start, phrase.Length + 80)).Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"\s(data-val-[a-z-]+|title|placeholder|aria-label|alt)=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReadableAttribute();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
