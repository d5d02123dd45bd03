using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Channels.Groups;

public sealed class DetailsModel(
    AppDbContext db, IAuthorizationService authorization, StaffDirectory directory, TimeProvider clock, ElectionComms.Web.Common.InvitationAccess invitations) : PageModel
{
    public string? JoinLink { get; private set; }

    public string? BotStartLink { get; private set; }

    public bool MayViewInvitations { get; private set; }

    public GroupRow Group { get; private set; } = null!;

    public int? CurrentLogo { get; private set; }

    public IReadOnlyList<OfficerRow> Officers { get; private set; } = [];

    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public IReadOnlyList<StaffOption> OfficerOptions { get; private set; } = [];

    public IReadOnlyList<StaffOption> GranteeOptions { get; private set; } = [];

    public bool MayManage { get; private set; }

    public bool MayGrant { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(User, new GroupResource(id), GroupRequirement.Read))
        {
            return await db.Groups.AnyAsync(g => g.Id == id, cancellationToken) ? Forbid() : NotFound();
        }

        Group = await GroupRows.Project(db, db.Groups.Where(g => g.Id == id)).SingleAsync(cancellationToken);
        MayManage = await authorization.MayAsync(User, new GroupResource(id), GroupRequirement.Manage);
        MayGrant = CurrentStaff.From(User).LeadsLogistics && Group.Status == GroupStatus.Active;
        var links = await db.Groups.Where(g => g.Id == id).Select(g => new { g.JoinLink, g.BotStartLink }).SingleAsync(cancellationToken);
        (JoinLink, BotStartLink) = (links.JoinLink, links.BotStartLink);
        MayViewInvitations = await invitations.MayViewAsync(CurrentStaff.From(User), id, cancellationToken);
        CurrentLogo = await db.LogoVersions.MaxAsync(l => (int?)l.Version, cancellationToken);
        Officers = await (
            from o in db.GroupOfficers
            join s in db.Staff on o.StaffMemberId equals s.Id
            where o.GroupId == id
            orderby s.FullName
            select new OfficerRow(s.Id, s.FullName, s.IsActive, o.AssignedAt)).ToListAsync(cancellationToken);
        Grants = await (
            from t in db.TransmitGrants.Where(TransmitGrant.ActiveAt(clock.GetUtcNow()))
            join s in db.Staff on t.GranteeId equals s.Id
            where t.GroupId == id
            orderby s.FullName
            select new GrantRow(t.Id, s.FullName, t.GrantedAt, t.ExpiresAt)).ToListAsync(cancellationToken);
        History = await HistoryAsync(id, cancellationToken);
        if (MayManage)
        {
            OfficerOptions = await directory.OptionsAsync(directory.WithRole(StaffRole.CommunicationOfficer), cancellationToken);
        }

        if (MayGrant)
        {
            GranteeOptions = await directory.OptionsAsync(directory.WithRole(StaffRole.HelplineOperator, StaffRole.Director), cancellationToken);
        }

        return Page();
    }

    /// <summary>The group's own rows and those of its officers and grants, newest first (§12).</summary>
    private Task<List<HistoryRow>> HistoryAsync(int id, CancellationToken cancellationToken)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var grantIds = db.TransmitGrants.Where(t => t.GroupId == id).Select(t => t.Id.ToString());
        return db.AuditEntries
            .Where(a => (a.Entity == nameof(Domain.Channels.Group) && a.EntityId == key)
                || (a.Entity == nameof(GroupOfficer) && a.EntityId.StartsWith(key + "|"))
                || (a.Entity == nameof(TransmitGrant) && grantIds.Contains(a.EntityId)))
            .OrderByDescending(a => a.Id)
            .Take(100)
            .Select(a => new HistoryRow(a.OccurredAt, a.ActorName, a.Action, a.Entity, a.Details))
            .ToListAsync(cancellationToken);
    }

    public sealed record OfficerRow(Guid Id, string FullName, bool IsActive, DateTimeOffset AssignedAt);

    public sealed record GrantRow(int Id, string Grantee, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt);

    public sealed record HistoryRow(DateTimeOffset At, string Actor, string Action, string Entity, string Details);
}
