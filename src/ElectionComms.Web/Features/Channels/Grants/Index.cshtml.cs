using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Grants;

/// <summary>
/// §8: the active "may transmit" grants. Everyone on this page reads them (SG, auditors, directors); only the
/// director of Logistics and Digitalisation grants and revokes, checked again by the domain.
/// </summary>
public sealed class IndexModel(
    AppDbContext db, StaffDirectory directory, PageChanges changes, IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty]
    public GrantInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = PagerModel.PageNumberKey)]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Grants { get; private set; } = null!;

    public bool MayGrant { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MayGrant = CurrentStaff.From(User).LeadsLogistics;
        var rows = db.TransmitGrants
            .Where(TransmitGrant.ActiveAt(clock.GetUtcNow()))
            .OrderBy(t => t.ExpiresAt == null).ThenBy(t => t.ExpiresAt).ThenBy(t => t.Id)
            .Select(t => new Row(
                t.Id,
                t.GroupId,
                db.Groups.Where(g => g.Id == t.GroupId).Select(g => g.Name).First(),
                db.Staff.Where(s => s.Id == t.GranteeId).Select(s => s.FullName).First(),
                db.Staff.Where(s => s.Id == t.GrantedById).Select(s => s.FullName).First(),
                t.GrantedAt,
                t.ExpiresAt));
        Grants = await Paged<Row>.ReadAsync(rows, PageNumber, PageSize, cancellationToken);
    }

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!user.LeadsLogistics)
        {
            return Forbid();
        }

        return await changes.RedirectAsync(
            this,
            "Error.Group.Concurrency",
            async () =>
            {
                var now = clock.GetUtcNow();
                var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == Input.GroupId, cancellationToken) ?? throw new DomainException("Grant.GroupInactive", string.Empty);
                var grantee = await db.Staff.SingleOrDefaultAsync(s => s.Id == Input.GranteeId, cancellationToken)
                    ?? throw new DomainException("Grant.GranteeNotEligible", string.Empty);
                var grantor = await db.Staff.SingleAsync(s => s.Id == user.Id, cancellationToken);
                var eligible = await directory.HasRoleAsync(grantee.Id, [StaffRole.HelplineOperator, StaffRole.Director], cancellationToken);
                var existing = await db.TransmitGrants.Where(t => t.GroupId == group.Id && t.GranteeId == grantee.Id).ToListAsync(cancellationToken);
                var expiry = Input.ExpiresAt is { } local ? new DateTimeOffset(local, PortalTime.Zone.GetUtcOffset(local)).ToUniversalTime() : (DateTimeOffset?)null;
                db.TransmitGrants.Add(TransmitGrant.Grant(group, grantee, eligible, grantor, user.LeadsLogistics, expiry, existing, now));
                await db.SaveChangesAsync(cancellationToken);
                return localizer["Grants.Granted", grantee.FullName, group.Name].Value;
            },
            new { id = Input.GroupId },
            "/Channels/Groups/Details");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int grantId, int? returnGroupId, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.From(User);
        if (!user.LeadsLogistics)
        {
            return Forbid();
        }

        var grant = await db.TransmitGrants.SingleOrDefaultAsync(t => t.Id == grantId, cancellationToken);
        if (grant is null)
        {
            return NotFound();
        }

        // A grant revoked meanwhile by someone else is no longer active: that is what the person is told.
        return await changes.RedirectAsync(
            this,
            "Error.Grant.NotActive",
            async () =>
            {
                var revoker = await db.Staff.SingleAsync(s => s.Id == user.Id, cancellationToken);
                grant.Revoke(revoker, user.LeadsLogistics, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return localizer["Grants.Revoked"].Value;
            },
            returnGroupId is { } id ? new { id } : null,
            returnGroupId is null ? null : "/Channels/Groups/Details");
    }

    public sealed class GrantInput
    {
        public int GroupId { get; set; }

        public Guid GranteeId { get; set; }

        /// <summary>Albanian wall-clock time from a datetime-local field.</summary>
        public DateTime? ExpiresAt { get; set; }
    }

    public sealed record Row(int Id, int GroupId, string Group, string Grantee, string GrantedBy, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt);
}
