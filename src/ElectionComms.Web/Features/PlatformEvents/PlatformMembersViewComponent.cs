using ElectionComms.Domain.PlatformEvents;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.PlatformEvents;

/// <summary>
/// The group page's live membership (issue 14 item 4): who the platform's events show in the group now (the last
/// event per user), and the latest refusals and removals with their reasons. Shown to those who may read the group's
/// members, as the registry's list is.
/// </summary>
public sealed class PlatformMembersViewComponent(AppDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public const int Shown = 200;

    public sealed record Row(string UserId, string? DisplayName, int? PersonId, string? PersonName, MemberEventKind Kind, MemberRefusal? Reason, string? MaskedPhone, DateTimeOffset At);

    public sealed record Model(int GroupId, int InGroup, IReadOnlyList<Row> Members, IReadOnlyList<Row> Refused);

    public async Task<IViewComponentResult> InvokeAsync(int groupId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!await authorization.MayAsync(UserClaimsPrincipal, new GroupResource(groupId), GroupRequirement.ReadMembers))
        {
            return Content(string.Empty);
        }

        var latest = db.MemberEvents.Where(e => e.GroupId == groupId).GroupBy(e => e.PlatformUserId).Select(g => g.Max(e => e.Id));
        var current = db.MemberEvents.AsNoTracking().Where(e => latest.Contains(e.Id));
        var inGroup = current.Where(e => MemberEvent.InGroupKinds.Contains(e.Kind));
        var members = await Rows(inGroup.OrderBy(e => e.DisplayName).ThenBy(e => e.Id)).Take(Shown).ToListAsync(cancellationToken);
        var refused = await Rows(db.MemberEvents.AsNoTracking()
                .Where(e => e.GroupId == groupId && (e.Kind == MemberEventKind.Removed || e.Kind == MemberEventKind.RemoveByHand || e.Kind == MemberEventKind.JoinDeclined || e.Kind == MemberEventKind.ContactRefused))
                .OrderByDescending(e => e.Id))
            .Take(50).ToListAsync(cancellationToken);
        return View("/Features/PlatformEvents/PlatformMembers.cshtml", new Model(groupId, await inGroup.CountAsync(cancellationToken), members, refused));
    }

    private IQueryable<Row> Rows(IQueryable<MemberEvent> events) =>
        events.Select(e => new Row(e.PlatformUserId, e.DisplayName, e.PersonId,
            db.People.Where(p => p.Id == e.PersonId).Select(p => p.FullName).FirstOrDefault(), e.Kind, e.Reason, e.MaskedPhone, e.At));
}
