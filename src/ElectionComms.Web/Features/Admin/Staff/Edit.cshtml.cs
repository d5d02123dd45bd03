using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Admin.Staff;

/// <summary>
/// One staff member and their account: details, rank, role and reporting line, deactivation, and resets of the
/// password and second factor. Every form carries the row version it was shown with, so two administrators cannot
/// overwrite each other unknowingly. The staff record and the account change in one transaction.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class EditModel(
    AppDbContext db,
    UserManager<AppUser> users,
    DomainErrors errors,
    IStringLocalizer<Strings> localizer,
    TimeProvider clock,
    ILogger<EditModel> logger) : PageModel
{
    public const string TemporaryPasswordKey = "Staff.TemporaryPassword";

    private const string RowVersion = "xmin";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public StaffDetails Details { get; private set; } = new();

    public StaffFormOptions Options { get; private set; } = StaffFormOptions.Empty;

    /// <summary>Shown once, right after a reset; never stored anywhere but in the account's hash.</summary>
    public string? IssuedPassword { get; private set; }

    public bool IsOwnAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var details = await LoadDetailsAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            FullName = details.FullName,
            Position = details.Position,
            Rank = details.Rank,
            Role = details.Role ?? string.Empty,
            DirectorateId = details.DirectorateId,
            SuperiorId = details.SuperiorId,
            Version = details.Version,
        };
        IssuedPassword = TempData[TemporaryPasswordKey] as string;
        return await ShowAsync(details, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var details = await LoadDetailsAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(details, cancellationToken);
        }

        var error = await ChangeAsync(id, Input.Version, async (staff, user) =>
        {
            var currentRole = (await users.GetRolesAsync(user)).SingleOrDefault();
            OwnAccount.EnsureMayChangeRole(ActorId, staff.Id, currentRole, Input.Role);
            StaffRole.EnsureFits(Input.Role, Input.Rank!.Value);
            staff.Rename(Input.FullName, Input.Position);
            if (Input.DirectorateId != staff.DirectorateId)
            {
                if (!await db.Directorates.AnyAsync(d => d.Id == Input.DirectorateId && d.IsActive, cancellationToken))
                {
                    throw new DomainException("Staff.DirectorateRequired");
                }

                staff.MoveTo(Input.DirectorateId!.Value);
            }

            var everyone = await db.Staff.ToDictionaryAsync(s => s.Id, cancellationToken);
            var superior = Input.SuperiorId is { } superiorId
                ? everyone.GetValueOrDefault(superiorId) ?? throw new DomainException("Staff.SuperiorNotFound")
                : null;
            staff.Reposition(Input.Rank.Value, superior, everyone);
            await db.SaveChangesAsync(cancellationToken);
            return currentRole == Input.Role ? IdentityResult.Success : await ReplaceRoleAsync(user, currentRole, Input.Role);
        });
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            return await ShowAsync(details, cancellationToken);
        }

        TempData["Status"] = localizer["Staff.Saved", Input.FullName.Trim()].Value;
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(id, version, "Staff.Deactivated", async (staff, user) =>
        {
            OwnAccount.EnsureMayDeactivate(ActorId, staff.Id);
            var activeReports = await db.Staff.CountAsync(s => s.SuperiorId == staff.Id && s.IsActive, cancellationToken);
            staff.Deactivate(activeReports, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);

            // A lockout that never ends refuses every sign-in; the new stamp ends open sessions at their next check.
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            return await users.UpdateSecurityStampAsync(user);
        });

    public Task<IActionResult> OnPostReactivateAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(id, version, "Staff.Reactivated", async (staff, user) =>
        {
            var superior = staff.SuperiorId is { } superiorId
                ? await db.Staff.SingleAsync(s => s.Id == superiorId, cancellationToken)
                : null;
            staff.Reactivate(superior);
            await db.SaveChangesAsync(cancellationToken);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return await users.UpdateAsync(user);
        });

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(id, version, "Staff.TwoFactorReset", async (_, user) =>
        {
            // Off, with a new key and no recovery codes: the lost phone or codes no longer work, and roles that
            // need a second factor are sent to set up a new one at their next sign-in.
            var disabled = await users.SetTwoFactorEnabledAsync(user, false);
            if (!disabled.Succeeded)
            {
                return disabled;
            }

            var reset = await users.ResetAuthenticatorKeyAsync(user);
            if (!reset.Succeeded)
            {
                return reset;
            }

            return await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null
                ? IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure())
                : IdentityResult.Success;
        });

    public Task<IActionResult> OnPostResetPasswordAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(id, version, "Staff.PasswordReset", async (staff, user) =>
        {
            var password = TemporaryPassword.Generate();
            user.MustChangePassword = true;
            if (staff.IsActive)
            {
                // The person may have locked themselves out with wrong guesses; the new password lets them in.
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, password);
            if (result.Succeeded)
            {
                TempData[TemporaryPasswordKey] = password;
            }

            return result;
        });

    private Guid ActorId => Guid.Parse(users.GetUserId(User)!);

    /// <summary>For the one-button actions: apply, then back to the page with a success or error message.</summary>
    private async Task<IActionResult> ActAsync(Guid id, uint version, string successKey, Func<StaffMember, AppUser, Task<IdentityResult>> change)
    {
        if (!await db.Staff.AnyAsync(s => s.Id == id))
        {
            return NotFound();
        }

        var error = await ChangeAsync(id, version, change);
        if (error is null)
        {
            var name = await db.Staff.Where(s => s.Id == id).Select(s => s.FullName).SingleAsync();
            TempData["Status"] = localizer[successKey, name].Value;
        }
        else
        {
            TempData.Remove(TemporaryPasswordKey);
            TempData["Error"] = error;
        }

        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Loads the staff record and account for change, refuses a stale version, and runs <paramref name="change"/>
    /// in one transaction. Returns the message to show, or null when everything was saved.
    /// </summary>
    private async Task<string?> ChangeAsync(Guid id, uint version, Func<StaffMember, AppUser, Task<IdentityResult>> change)
    {
        var staff = await db.Staff.SingleAsync(s => s.Id == id);
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException("Staff member without account: " + id);
        var row = db.Entry(staff).Property<uint>(RowVersion);
        if (row.CurrentValue != version)
        {
            return localizer["Error.Staff.Concurrency"];
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            var result = await change(staff, user);
            if (!result.Succeeded)
            {
                return string.Join(" ", result.Errors.Select(e => e.Description).Distinct());
            }

            await transaction.CommitAsync();
            logger.LogInformation("Staff account {StaffId} changed by {ActorId}", id, ActorId);
            return null;
        }
        catch (DomainException ex)
        {
            return errors.Describe(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            return localizer["Error.Staff.Concurrency"];
        }
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

    private async Task<PageResult> ShowAsync(StaffDetails details, CancellationToken cancellationToken)
    {
        Details = details;
        IsOwnAccount = details.Id == ActorId;
        Options = await StaffFormOptions.LoadAsync(db, localizer, except: details.Id, currentSuperior: details.SuperiorId, cancellationToken);
        return Page();
    }

    private Task<StaffDetails?> LoadDetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var english = Cultures.IsEnglish;
        return (from s in db.Staff.AsNoTracking()
                join u in db.Users on s.Id equals u.Id
                join d in db.Directorates on s.DirectorateId equals d.Id
                where s.Id == id
                select new StaffDetails
                {
                    Id = s.Id,
                    FullName = s.FullName,
                    Email = s.Email,
                    Position = s.Position,
                    Rank = s.Rank,
                    DirectorateId = s.DirectorateId,
                    DirectorateName = english ? d.NameEn : d.NameSq,
                    SuperiorId = s.SuperiorId,
                    Superior = db.Staff.Where(x => x.Id == s.SuperiorId).Select(x => x.FullName).FirstOrDefault(),
                    Role = db.UserRoles.Where(ur => ur.UserId == s.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
                        .FirstOrDefault(),
                    IsActive = s.IsActive,
                    CreatedAt = s.CreatedAt,
                    DeactivatedAt = s.DeactivatedAt,
                    TwoFactorEnabled = u.TwoFactorEnabled,
                    MustChangePassword = u.MustChangePassword,
                    LockoutEnd = u.LockoutEnd,
                    ActiveReports = db.Staff.Count(x => x.SuperiorId == s.Id && x.IsActive),
                    Version = EF.Property<uint>(s, RowVersion),
                }).SingleOrDefaultAsync(cancellationToken);
    }

    public sealed class InputModel : StaffFields
    {
        /// <summary>The row version (PostgreSQL xmin) the form was shown with.</summary>
        public uint Version { get; set; }
    }

    public sealed class StaffDetails
    {
        public Guid Id { get; init; }

        public string FullName { get; init; } = string.Empty;

        public string Email { get; init; } = string.Empty;

        public string Position { get; init; } = string.Empty;

        public Rank Rank { get; init; }

        public int DirectorateId { get; init; }

        public string DirectorateName { get; init; } = string.Empty;

        public Guid? SuperiorId { get; init; }

        public string? Superior { get; init; }

        public string? Role { get; init; }

        public bool IsActive { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? DeactivatedAt { get; init; }

        public bool TwoFactorEnabled { get; init; }

        public bool MustChangePassword { get; init; }

        public DateTimeOffset? LockoutEnd { get; init; }

        public int ActiveReports { get; init; }

        public uint Version { get; init; }
    }
}
