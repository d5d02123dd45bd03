using ElectionComms.Domain.Organisation;
using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// The home page's report of removals (issue 14 item 3): the people the bot took out of the groups this person
/// administers (the Secretary General: of every group) in the last seven days, by group, with the newest reason.
/// </summary>
public sealed class MemberRemovalsViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Row(int GroupId, string GroupName, int Removed, MemberRefusal? LastReason, DateTimeOffset LastAt);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = CurrentStaff.From(UserClaimsPrincipal);
        var since = clock.GetUtcNow().AddDays(-7);
        var groups = user.Role == StaffRole.SecretaryGeneral ? db.Groups : db.Groups.Where(g => g.AdministratorId == user.Id);
        var rows = await (from e in db.MemberEvents
                          where (e.Kind == MemberEventKind.Removed || e.Kind == MemberEventKind.RemoveByHand) && e.At >= since
                          join g in groups on e.GroupId equals g.Id
                          group e by new { g.Id, g.Name } into byGroup
                          orderby byGroup.Max(e => e.At) descending
                          select new Row(byGroup.Key.Id, byGroup.Key.Name, byGroup.Count(),
                              byGroup.OrderByDescending(e => e.Id).Select(e => e.Reason).First(), byGroup.Max(e => e.At)))
            .Take(20).ToListAsync(HttpContext.RequestAborted);
        return View("/Features/PlatformEvents/MemberRemovals.cshtml", rows);
    }
}
