using ElectionComms.Domain.Channels;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>
/// The group page's membership section: how many registry people are eligible for the group today, a warning when
/// that is more than the platform allows, and links to the members and reconciliation pages for those who may see them.
/// </summary>
public sealed class MembersSummaryViewComponent(AppDbContext db, EligibilityQuery eligibility, IAuthorizationService authorization, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int groupId)
    {
        var group = await eligibility.TargetAsync(groupId, HttpContext.RequestAborted)
            ?? throw new InvalidOperationException("The group page renders only existing groups.");
        var capacity = await db.Groups.Where(g => g.Id == groupId).Select(g => new { g.Platform, g.Kind, g.PlatformId }).SingleAsync(HttpContext.RequestAborted);
        var model = new MembersSummary(
            groupId,
            await eligibility.Eligible(group, PortalTime.Today(clock)).CountAsync(HttpContext.RequestAborted),
            await db.People.AnyAsync(p => p.ElectionId == group.ElectionId, HttpContext.RequestAborted),
            PlatformRules.Capacity(capacity.Platform, capacity.Kind, capacity.PlatformId),
            await authorization.MayAsync(UserClaimsPrincipal, new GroupResource(groupId), GroupRequirement.ReadMembers));
        return View("/Features/Channels/Groups/MembersSummary.cshtml", model);
    }
}

/// <param name="RegistryHasPeople">False until the election's roster is imported; the count then means nothing yet.</param>
public sealed record MembersSummary(int GroupId, int Eligible, bool RegistryHasPeople, int? Capacity, bool MayOpen)
{
    public bool OverCapacity => RegistryHasPeople && Capacity is { } limit && Eligible > limit;
}
