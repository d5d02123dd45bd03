using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Auth;

public sealed record NewStaffAccount(
    string FullName, string Email, string? Position, Rank Rank, int DirectorateId, Guid? SuperiorId, string Role);

/// <summary>
/// Creates a staff record and its sign-in account together, in one transaction, so there is never an account
/// without a rank and superior or a staff record nobody can sign in as. Used by the admin pages and the demo seed.
/// </summary>
public sealed class StaffAccounts(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <returns>The new id, or the Identity errors (password policy, duplicate e-mail) to show on the form.</returns>
    public async Task<(Guid? Id, IReadOnlyList<IdentityError> Errors)> CreateAsync(
        NewStaffAccount input, string password, bool mustChangePassword, CancellationToken cancellationToken = default)
    {
        StaffRole.EnsureFits(input.Role, input.Rank);
        if (!await db.Directorates.AnyAsync(d => d.Id == input.DirectorateId && d.IsActive, cancellationToken))
        {
            throw new DomainException("Staff.DirectorateRequired");
        }

        var staff = StaffMember.Create(Guid.NewGuid(), input.FullName, input.Email, input.Position, input.Rank, input.DirectorateId, clock.GetUtcNow());
        if (input.SuperiorId is { } superiorId)
        {
            var everyone = await db.Staff.ToDictionaryAsync(s => s.Id, cancellationToken);
            var superior = everyone.GetValueOrDefault(superiorId) ?? throw new DomainException("Staff.SuperiorNotFound");
            staff.ReportTo(superior, everyone);
        }

        var user = new AppUser
        {
            Id = staff.Id,
            UserName = staff.Email,
            Email = staff.Email,
            EmailConfirmed = true,
            MustChangePassword = mustChangePassword,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.ToList());
        }

        var roleAdded = await users.AddToRoleAsync(user, input.Role);
        if (!roleAdded.Succeeded)
        {
            return (null, roleAdded.Errors.ToList());
        }

        db.Staff.Add(staff);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (staff.Id, []);
    }
}
