using ElectionComms.Web.Common;
using ElectionComms.Web.Features.MemberApp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ElectionComms.Web.Features.MemberApp.Member;

/// <summary>The member's inbox, newest first (issue 20): the approved messages of their own groups.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel(MemberSession session, MemberInbox inbox, IOptions<MemberAppOptions> options) : PageModel
{
    public AppMember? Member { get; private set; }

    public NoAccess Reason { get; private set; }

    public Paged<MemberInbox.Row>? Items { get; private set; }

    public string? PushPublicKey => options.Value.PushEnabled ? options.Value.VapidPublicKey : null;

    public async Task OnGetAsync(int pageNumber, CancellationToken cancellationToken)
    {
        (Member, Reason) = await session.CurrentAsync(HttpContext, cancellationToken);
        if (Member is not null)
        {
            Items = await inbox.PageAsync(Member, pageNumber, cancellationToken);
        }
    }

    /// <summary>The browser's PushSubscription as JSON (issue 20 item 5); it replaces the device's earlier one.</summary>
    public async Task<IActionResult> OnPostSubscribeAsync([FromBody] SubscriptionInput? input, CancellationToken cancellationToken)
    {
        var (member, _) = await session.CurrentAsync(HttpContext, cancellationToken);
        if (member is null)
        {
            return Unauthorized();
        }

        if (input is null || !options.Value.PushEnabled)
        {
            return BadRequest();
        }

        return await inbox.SubscribeAsync(member, input.Endpoint, input.Keys?.P256dh, input.Keys?.Auth, cancellationToken) ? new NoContentResult() : BadRequest();
    }

    public sealed class SubscriptionInput
    {
        public string? Endpoint { get; set; }

        public SubscriptionKeys? Keys { get; set; }
    }

    public sealed class SubscriptionKeys
    {
        public string? P256dh { get; set; }

        public string? Auth { get; set; }
    }
}
