using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
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
/// overwrite each other unknowingly. The changes themselves, each in one transaction, are <see cref="StaffAccountChanges"/>.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class EditModel(
    AppDbContext db,
    UserManager<AppUser> users,
    StaffAccountChanges accounts,
    PageChanges changes,
    IStringLocalizer<Strings> localizer) : PageModel
{
    public const string TemporaryPasswordKey = "Staff.TemporaryPassword";

    private const string RowVersion = StaffAccountChanges.RowVersion;

    private const string ChangedMeanwhile = "Error.Staff.Concurrency";

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

        return await changes.FormAsync(
            this,
            ChangedMeanwhile,
            async () => localizer["Staff.Saved", await accounts.SaveAsync(id, Input.Version, ActorId, Input, cancellationToken)].Value,
            async () => await ShowAsync(details, cancellationToken),
            new { id });
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(id, "Staff.Deactivated", () => accounts.DeactivateAsync(id, version, ActorId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(id, "Staff.Reactivated", () => accounts.ReactivateAsync(id, version, ActorId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(id, "Staff.TwoFactorReset", () => accounts.ResetTwoFactorAsync(id, version, ActorId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostResetPasswordAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(id, "Staff.PasswordReset", async () =>
        {
            var (name, password) = await accounts.ResetPasswordAsync(id, version, ActorId, cancellationToken);
            TempData[TemporaryPasswordKey] = password;
            return name;
        }, cancellationToken);

    private Guid ActorId => Guid.Parse(users.GetUserId(User)!);

    /// <summary>The one-button actions: <paramref name="change"/> returns the staff member's name for the status.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string doneKey, Func<Task<string>> change, CancellationToken cancellationToken)
    {
        if (!await db.Staff.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return NotFound();
        }

        return await changes.RedirectAsync(this, ChangedMeanwhile, async () => localizer[doneKey, await change()].Value, new { id });
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
