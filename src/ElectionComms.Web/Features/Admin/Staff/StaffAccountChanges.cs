using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElectionComms.Web.Features.Admin.Staff;

/// <summary>
/// The changes an administrator makes to one staff member and their account: details, rank, role and reporting
/// line; deactivation and reactivation; resets of the password and the second factor. Each loads the record and
/// the account, refuses a stale row version, and changes both in one transaction. A refusal is thrown
/// (<see cref="DomainException"/>, <see cref="ChangeRefusedException"/>, <see cref="DbUpdateConcurrencyException"/>)
/// for <see cref="PageChanges"/> to word.
/// </summary>
public sealed class StaffAccountChanges(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<StaffAccountChanges> logger)
{
    public const string RowVersion = "xmin";

    public Task<string> SaveAsync(Guid id, uint version, Guid actorId, StaffFields input, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, actorId, async (staff, user) =>
        {
            var currentRole = (await users.GetRolesAsync(user)).SingleOrDefault();
            OwnAccount.EnsureMayChangeRole(actorId, staff.Id, currentRole, input.Role);
            StaffRole.EnsureFits(input.Role, input.Rank!.Value);
            staff.Rename(input.FullName, input.Position);
            if (input.DirectorateId != staff.DirectorateId)
            {
                if (!await db.Directorates.AnyAsync(d => d.Id == input.DirectorateId && d.IsActive, cancellationToken))
                {
                    throw new DomainException("Staff.DirectorateRequired");
                }

                staff.MoveTo(input.DirectorateId!.Value);
            }

            var everyone = await db.Staff.ToDictionaryAsync(s => s.Id, cancellationToken);
            var superior = input.SuperiorId is { } superiorId
                ? everyone.GetValueOrDefault(superiorId) ?? throw new DomainException("Staff.SuperiorNotFound")
                : null;
            staff.Reposition(input.Rank.Value, superior, everyone);
            await db.SaveChangesAsync(cancellationToken);
            Ensure(currentRole == input.Role ? IdentityResult.Success : await ReplaceRoleAsync(user, currentRole, input.Role));
        }, cancellationToken);

    public Task<string> DeactivateAsync(Guid id, uint version, Guid actorId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, actorId, async (staff, user) =>
        {
            OwnAccount.EnsureMayDeactivate(actorId, staff.Id);
            var activeReports = await db.Staff.CountAsync(s => s.SuperiorId == staff.Id && s.IsActive, cancellationToken);
            staff.Deactivate(activeReports, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);

            // A lockout that never ends refuses every sign-in; the new stamp ends open sessions at their next check.
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            Ensure(await users.UpdateSecurityStampAsync(user));
        }, cancellationToken);

    public Task<string> ReactivateAsync(Guid id, uint version, Guid actorId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, actorId, async (staff, user) =>
        {
            var superior = staff.SuperiorId is { } superiorId
                ? await db.Staff.SingleAsync(s => s.Id == superiorId, cancellationToken)
                : null;
            staff.Reactivate(superior);
            await db.SaveChangesAsync(cancellationToken);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Ensure(await users.UpdateAsync(user));
        }, cancellationToken);

    /// <summary>
    /// Off, with a new key and no recovery codes: the lost phone or codes no longer work, and roles that need a
    /// second factor are sent to set up a new one at their next sign-in.
    /// </summary>
    public Task<string> ResetTwoFactorAsync(Guid id, uint version, Guid actorId, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, actorId, async (_, user) =>
        {
            Ensure(await users.SetTwoFactorEnabledAsync(user, false));
            Ensure(await users.ResetAuthenticatorKeyAsync(user));
            if (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null)
            {
                Ensure(IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure()));
            }
        }, cancellationToken);

    /// <returns>The staff member's name and the temporary password, to be shown once and never stored in clear.</returns>
    public async Task<(string Name, string Password)> ResetPasswordAsync(Guid id, uint version, Guid actorId, CancellationToken cancellationToken)
    {
        var password = TemporaryPassword.Generate();
        var name = await ChangeAsync(id, version, actorId, async (staff, user) =>
        {
            user.MustChangePassword = true;
            if (staff.IsActive)
            {
                // The person may have locked themselves out with wrong guesses; the new password lets them in.
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            Ensure(await users.ResetPasswordAsync(user, token, password));
        }, cancellationToken);
        return (name, password);
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ChangeRefusedException(string.Join(" ", result.Errors.Select(e => e.Description).Distinct()));
        }
    }

    /// <summary>Loads record and account, refuses a stale version, runs <paramref name="change"/> in one transaction.</summary>
    /// <returns>The staff member's name as saved.</returns>
    private async Task<string> ChangeAsync(
        Guid id, uint version, Guid actorId, Func<StaffMember, AppUser, Task> change, CancellationToken cancellationToken)
    {
        var staff = await db.Staff.SingleAsync(s => s.Id == id, cancellationToken);
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException("Staff member without account: " + id);
        if (db.Entry(staff).Property<uint>(RowVersion).CurrentValue != version)
        {
            throw new DbUpdateConcurrencyException("The staff record changed since the form was shown.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await change(staff, user);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Staff account {StaffId} changed by {ActorId}", id, actorId);
        return staff.FullName;
    }

    /// <summary>One role per account: the old one goes, the new one comes, and open sessions must sign in again to carry it.</summary>
    private async Task<IdentityResult> ReplaceRoleAsync(AppUser user, string? currentRole, string newRole)
    {
        if (currentRole is not null)
        {
            var removed = await users.RemoveFromRoleAsync(user, currentRole);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        var added = await users.AddToRoleAsync(user, newRole);
        return added.Succeeded ? await users.UpdateSecurityStampAsync(user) : added;
    }
}
