using ElectionComms.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace ElectionComms.Web.Features.Messages;

/// <summary>The navigation's count of messages waiting for this director's decision (cached until the next committed change).</summary>
public sealed class PendingBadgeViewComponent(MessageAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var count = await access.PendingCountAsync(CurrentStaff.From(UserClaimsPrincipal), HttpContext.RequestAborted);
        return View(count);
    }
}
