using ElectionComms.Domain.Administration;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Registry;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Groups;

/// <summary>
/// A group's external members (§5b, §11): who is eligible, who the clerks recorded as added, removed (with a reason)
/// or reinstated (with a reason), and the history of those records.
/// </summary>
public sealed class MembersModel(
    AppDbContext db, IAuthorizationService authorization, EligibilityQuery eligibility, PageChanges changes,
    IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public string GroupName { get; private set; } = string.Empty;

    public bool MayManage { get; private set; }

    public Paged<EligibleRow> Eligible { get; private set; } = default!;

    public IReadOnlyList<MembershipRow> Memberships { get; private set; } = [];

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(User, new GroupResource(id), GroupRequirement.ReadMembers))
        {
            return await db.Groups.AnyAsync(g => g.Id == id, cancellationToken) ? Forbid() : NotFound();
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(int id, int personId, CancellationToken cancellationToken) =>
        ChangeAsync(id, personId, "Members.Added", async (membership, group, by, now) =>
        {
            var eligible = await eligibility.IsEligibleAsync(group, personId, PortalTime.Today(clock), cancellationToken);
            if (membership is null)
            {
                db.GroupMemberships.Add(GroupMembership.Add(id, personId, eligible, by, now));
            }
            else
            {
                membership.AddAgain(eligible, by, now);
            }
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, int personId, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, personId, "Members.RemovedStatus", (membership, _, by, now) =>
        {
            (membership ?? throw new DomainException("Membership.NotMember")).Remove(reason ?? string.Empty, by, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(int id, int personId, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, personId, "Members.ReinstatedStatus", (membership, _, by, now) =>
        {
            (membership ?? throw new DomainException("Membership.NotRemoved")).Reinstate(reason ?? string.Empty, by, now);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(
        int id, int personId, string statusKey, Func<GroupMembership?, GroupTarget, Guid, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!await authorization.MayAsync(User, new GroupResource(id), GroupRequirement.ManageMembers))
        {
            return await db.Groups.AnyAsync(g => g.Id == id, cancellationToken) ? Forbid() : NotFound();
        }

        var group = (await eligibility.TargetAsync(id, cancellationToken))!;
        if (!await db.People.AnyAsync(p => p.Id == personId && p.ElectionId == group.ElectionId, cancellationToken))
        {
            return NotFound();
        }

        var membership = await db.GroupMemberships.SingleOrDefaultAsync(m => m.GroupId == id && m.PersonId == personId, cancellationToken);
        return await changes.RedirectAsync(
            this,
            "Members.ChangedMeanwhile",
            async () =>
            {
                await change(membership, group, user.Id, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return localizer[statusKey].Value;
            },
            new { id });
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        var group = (await eligibility.TargetAsync(id, cancellationToken))!;
        GroupName = await db.Groups.Where(g => g.Id == id).Select(g => g.Name).SingleAsync(cancellationToken);
        MayManage = await authorization.MayAsync(User, new GroupResource(id), GroupRequirement.ManageMembers);
        var today = PortalTime.Today(clock);
        Eligible = await Paged<EligibleRow>.ReadAsync(
            eligibility.Eligible(group, today)
                .OrderBy(p => p.FullName).ThenBy(p => p.Id),
            p => p.Id,
            p => new EligibleRow(
                    p.Id,
                    p.FullName,
                    p.Role,
                    p.Level,
                    p.UnitId,
                db.GroupMemberships.Where(m => m.GroupId == id && m.PersonId == p.Id).Select(m => (MembershipStatus?)m.Status).FirstOrDefault()),
            PageNumber,
            PageSize,
            cancellationToken);
        Memberships = await (
            from m in db.GroupMemberships
            join p in db.People on m.PersonId equals p.Id
            where m.GroupId == id
            orderby p.FullName, p.Id
            select new MembershipRow(
                p.Id,
                p.FullName,
                p.Role,
                m.Status,
                m.ChangedAt,
                db.Staff.Where(s => s.Id == m.ChangedById).Select(s => s.FullName).FirstOrDefault() ?? string.Empty,
                m.Reason)).ToListAsync(cancellationToken);
        var membershipIds = db.GroupMemberships.Where(m => m.GroupId == id).Select(m => m.Id.ToString());
        History = await db.AuditEntries
            .Where(a => a.Entity == nameof(GroupMembership) && membershipIds.Contains(a.EntityId))
            .OrderByDescending(a => a.Id)
            .Take(100)
            .Select(a => new HistoryRow(a.OccurredAt, a.ActorName, a.Action, a.Entity, a.Details))
            .ToListAsync(cancellationToken);
    }

    public sealed record EligibleRow(int PersonId, string FullName, UnitRole Role, AdministrationLevel Level, int UnitId, MembershipStatus? Status);

    public sealed record MembershipRow(
        int PersonId, string FullName, UnitRole Role, MembershipStatus Status, DateTimeOffset ChangedAt, string ChangedBy, string? Reason);

    public sealed record HistoryRow(DateTimeOffset At, string Actor, string Action, string Entity, string Details);
}
