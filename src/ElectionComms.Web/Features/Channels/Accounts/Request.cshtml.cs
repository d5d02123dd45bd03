using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Channels;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Channels.Accounts;

/// <summary>§5a: a director asks, for their own directorate, that an official account be created.</summary>
[Authorize(Roles = StaffRole.Director)]
public sealed class RequestModel(AppDbContext db, PageChanges changes, IStringLocalizer<Strings> localizer, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string DirectorateName { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var me = CurrentStaff.From(User);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var platform = Input.Platform!.Value;
        var handle = Input.Handle.Trim();
        if (await IsTakenAsync(platform, handle, cancellationToken))
        {
            return await RefuseAsync(localizer["Error.Account.DuplicateHandle"], cancellationToken);
        }

        // A handle requested by someone else between the check above and this save is refused by its unique index.
        return await changes.FormAsync(
            this,
            "Error.Account.Concurrency",
            async () =>
            {
                var account = OfficialAccount.Request(
                    platform, Input.ControlClass, handle, Input.Name, me.DirectorateId, Input.Purpose, me.Id, clock.GetUtcNow());
                db.OfficialAccounts.Add(account);
                await db.SaveChangesAsync(cancellationToken);
                return new Done(localizer["Accounts.Requested", account.Handle].Value, "Details", new { id = account.Id });
            },
            async () =>
            {
                await LoadAsync(cancellationToken);
                return Page();
            },
            routeValues: null);
    }

    /// <summary>Refused and closed accounts stay on record; only a live or pending one blocks the handle.</summary>
    private Task<bool> IsTakenAsync(Platform platform, string handle, CancellationToken cancellationToken) =>
        db.OfficialAccounts.AnyAsync(
            a => a.Platform == platform && a.Handle == handle && a.Status != AccountStatus.Refused && a.Status != AccountStatus.Closed,
            cancellationToken);

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var directorateId = CurrentStaff.From(User).DirectorateId;
        var english = Cultures.IsEnglish;
        DirectorateName = await db.Directorates
            .Where(d => d.Id == directorateId)
            .Select(d => english ? d.NameEn : d.NameSq)
            .SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Accounts.Platform")]
        public Platform? Platform { get; set; }

        [Display(Name = "Accounts.ControlClass")]
        public ControlClass? ControlClass { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(OfficialAccount.HandleMaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Accounts.Handle")]
        public string Handle { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(OfficialAccount.NameMaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Accounts.Name")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(OfficialAccount.ReasonMaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Accounts.Purpose")]
        public string Purpose { get; set; } = string.Empty;
    }
}
