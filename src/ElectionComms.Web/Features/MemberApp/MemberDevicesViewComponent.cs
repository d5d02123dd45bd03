using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.MemberApp;

/// <summary>The person page's devices in the KQZ app (issue 20 item 1): when each was bound and last used; the clerk revokes a lost one.</summary>
public sealed class MemberDevicesViewComponent(AppDbContext db) : ViewComponent
{
    public sealed record Row(int Id, string Label, DateTimeOffset BoundAt, DateTimeOffset LastSeenAt, DateTimeOffset? RevokedAt, bool Push);

    public sealed record Model(int PersonId, IReadOnlyList<Row> Devices, bool MayRevoke);

    public async Task<IViewComponentResult> InvokeAsync(int personId)
    {
        var devices = await db.AppDevices.AsNoTracking().Where(d => d.PersonId == personId).OrderByDescending(d => d.Id)
            .Select(d => new Row(d.Id, d.Label, d.BoundAt, d.LastSeenAt, d.RevokedAt, db.AppPushSubscriptions.Any(s => s.DeviceId == d.Id)))
            .ToListAsync(HttpContext.RequestAborted);
        return View("/Features/MemberApp/MemberDevices.cshtml", new Model(personId, devices, CurrentStaff.From(UserClaimsPrincipal).Is(StaffRole.Clerk)));
    }
}
