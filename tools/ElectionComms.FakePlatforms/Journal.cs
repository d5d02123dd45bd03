using System.Globalization;
using System.Net;
using System.Text;

namespace ElectionComms.FakePlatforms;

/// <summary>The page a fake shows at "/": what it received, newest first, so a demo user sees an approved message arrive.</summary>
public static class Journal
{
    public sealed record Row(DateTimeOffset At, string Method, string? Chat, string? Text, IEnumerable<string> Files);

    public static string Html(string title, IEnumerable<Row> rows)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem .6rem;text-align:left;vertical-align:top}td.text{white-space:pre-wrap;max-width:40rem}</style>")
            .Append("</head><body><h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>")
            .Append("<p>Development tool: what this fake platform received, newest first (reloads every 5 s). Nothing here reaches a real platform.</p>")
            .Append("<table><thead><tr><th>Time (UTC)</th><th>Method</th><th>Chat</th><th>Text</th><th>Files</th></tr></thead><tbody>");
        foreach (var row in rows.Take(500))
        {
            html.Append("<tr><td>").Append(row.At.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(row.Method))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(row.Chat ?? string.Empty))
                .Append("</td><td class=\"text\">").Append(WebUtility.HtmlEncode(row.Text ?? string.Empty))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(string.Join(", ", row.Files)))
                .Append("</td></tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }
}
