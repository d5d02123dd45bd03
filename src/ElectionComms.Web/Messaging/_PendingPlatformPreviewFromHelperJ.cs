// TEMPORARY stand-in for helper J's PlatformPreview (issue 6), same signature, minimal honest behaviour: the text
// HTML-encoded with line breaks. Deleted when main brings the real one.
using ElectionComms.Domain.Channels;
using Microsoft.AspNetCore.Html;

namespace ElectionComms.Web.Messaging;

public static class PlatformPreview
{
    public static IHtmlContent Render(string text, Platform platform) =>
        new HtmlString(System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal));
}
