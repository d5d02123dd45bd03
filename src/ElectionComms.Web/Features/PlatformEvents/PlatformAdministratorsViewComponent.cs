using ElectionComms.Domain.Channels;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// The group page's platform check (issue 14 item 5, §7): the last comparison of the group's administrators on
/// Telegram with its designated administrator and the KQZ bot, and why the last delivery failed, if it did. Those
/// who may manage the group can ask for the comparison at once.
/// </summary>
public sealed class PlatformAdministratorsViewComponent(AppDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public sealed record Model(
        int GroupId, bool OnTelegram, string AdministratorName, bool ViewerIsAdministrator, bool MayCheck,
        GroupAdministrationCheck? Check, string? DeliveryProblem, DateTimeOffset? DeliveryProblemAt)
    {
        public IEnumerable<string> ExtraAdministrators => Check?.ExtraAdministrators?.Split("; ") ?? [];
    }

    public async Task<IViewComponentResult> InvokeAsync(int groupId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var resource = new GroupResource(groupId);
        if (!await authorization.MayAsync(UserClaimsPrincipal, resource, GroupRequirement.Read))
        {
            return Content(string.Empty);
        }

        var group = await (from g in db.Groups.AsNoTracking()
                           join s in db.Staff on g.AdministratorId equals s.Id
                           where g.Id == groupId
                           select new { g.Platform, g.AdministratorId, s.FullName, g.DeliveryProblem, g.DeliveryProblemAt }).SingleAsync(cancellationToken);
        var check = await db.GroupAdministrationChecks.AsNoTracking().SingleOrDefaultAsync(c => c.GroupId == groupId, cancellationToken);
        var onTelegram = group.Platform == Platform.Telegram;
        if (!onTelegram && group.DeliveryProblem is null)
        {
            return Content(string.Empty);
        }

        var mayCheck = onTelegram && await authorization.MayAsync(UserClaimsPrincipal, resource, GroupRequirement.Manage);
        return View("/Features/PlatformEvents/PlatformAdministrators.cshtml", new Model(
            groupId, onTelegram, group.FullName, CurrentStaff.From(UserClaimsPrincipal).Id == group.AdministratorId, mayCheck,
            check, group.DeliveryProblem, group.DeliveryProblemAt));
    }
}
