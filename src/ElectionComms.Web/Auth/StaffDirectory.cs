using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Auth;

public sealed record StaffOption(Guid Id, string FullName, Rank Rank, string DirectorateCode);

/// <summary>Staff looked up by the role their account holds (roles live in Identity's tables, not in the domain).</summary>
public sealed class StaffDirectory(AppDbContext db)
{
    public IQueryable<StaffMember> WithRole(params string[] roles) =>
        db.Staff.Where(s => db.UserRoles.Any(ur => ur.UserId == s.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));

    public Task<bool> HasRoleAsync(Guid staffId, string[] roles, CancellationToken cancellationToken = default) =>
        WithRole(roles).AnyAsync(s => s.Id == staffId, cancellationToken);

    public Task<List<StaffOption>> OptionsAsync(IQueryable<StaffMember> staff, CancellationToken cancellationToken = default) =>
        staff.Where(s => s.IsActive)
            .OrderBy(s => s.FullName)
            .Select(s => new StaffOption(s.Id, s.FullName, s.Rank, db.Directorates.Where(d => d.Id == s.DirectorateId).Select(d => d.Code).First()))
            .ToListAsync(cancellationToken);
}
