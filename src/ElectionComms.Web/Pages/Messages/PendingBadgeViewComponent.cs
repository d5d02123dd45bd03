using ElectionComms.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Pages.Messages;

/// <summary>The navigation's count of messages waiting for this director's decision (one indexed count per page).</summary>
public sealed class PendingBadgeViewComponent(MessageAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var count = await (await access.AwaitingDecisionAsync(CurrentStaff.From(UserClaimsPrincipal), HttpContext.RequestAborted)).CountAsync(HttpContext.RequestAborted);
        return View(count);
    }
}
