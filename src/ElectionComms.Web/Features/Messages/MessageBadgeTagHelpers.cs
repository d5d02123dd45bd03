using ElectionComms.Domain.Messages;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Messages;

/// <summary>
/// <c>&lt;message-mode test="…" /&gt;</c>: test and live messages must never be confused, so a message carries this badge
/// everywhere it is shown. A tag helper rather than a partial: lists show it on every row, and fifty partial views cost
/// a page several milliseconds (docs/performance.md, issue 6).
/// </summary>
[HtmlTargetElement("message-mode", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MessageModeTagHelper(IStringLocalizer<Strings> localizer) : TagHelper
{
    public bool Test { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Test ? "badge message-badge-test" : "badge message-badge-live");
        output.Attributes.SetAttribute("data-testid", Test ? "mode-test" : "mode-live");
        output.Content.SetContent(localizer[Test ? "Messages.ModeTest" : "Messages.ModeLive"]);
    }
}

/// <summary><c>&lt;message-status status="…" /&gt;</c>: a message's lifecycle state as a coloured badge.</summary>
[HtmlTargetElement("message-status", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MessageStatusTagHelper(IStringLocalizer<Strings> localizer) : TagHelper
{
    public MessageStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"badge message-status message-status-{Status.ToString().ToLowerInvariant()}");
        output.Attributes.SetAttribute("data-testid", "status");
        output.Content.SetContent(localizer["MessageStatus." + Status]);
    }
}
