using System.ComponentModel.DataAnnotations;
using ElectionComms.Domain.Common;
using ElectionComms.Domain.Organisation;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Common;
using ElectionComms.Web.Data;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Admin.Staff;

/// <summary>
/// A new KQZ staff account. The administrator sets a first password that the person must replace at their first
/// sign-in (<see cref="AccountSetupGate"/>); roles that need a second factor then set up an authenticator.
/// </summary>
public sealed class CreateModel(
    AppDbContext db, StaffAccounts accounts, PageChanges changes, IStringLocalizer<Strings> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public StaffFormOptions Options { get; private set; } = StaffFormOptions.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Options = await StaffFormOptions.LoadAsync(db, localizer, cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }

        var account = new NewStaffAccount(
            Input.FullName, Input.Email, Input.Position, Input.Rank!.Value, Input.DirectorateId!.Value, Input.SuperiorId, Input.Role);
        return await changes.FormAsync(
            this,
            "Error.Staff.Concurrency",
            async () =>
            {
                var (id, identityErrors) = await accounts.CreateAsync(account, Input.Password, mustChangePassword: true, cancellationToken);

                // Identity reports a taken e-mail twice (as user name and as e-mail); one sentence is enough.
                return id is null
                    ? throw new ChangeRefusedException(string.Join(" ", identityErrors.Select(e => e.Description).Distinct()))
                    : new Done(localizer["Staff.Created", Input.FullName.Trim()].Value, "./Edit", new { id });
            },
            async () => await RedisplayAsync(cancellationToken),
            routeValues: null);
    }

    private async Task<PageResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        Options = await StaffFormOptions.LoadAsync(db, localizer, cancellationToken: cancellationToken);
        return Page();
    }

    public sealed class InputModel : StaffFields
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(StaffMember.EmailMaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Staff.Email")]
        public string Email { get; set; } = string.Empty;

        // The policy (length, classes of characters) is Identity's, so its own localised messages explain a refusal.
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Staff.InitialPassword")]
        public string Password { get; set; } = string.Empty;
    }
}
