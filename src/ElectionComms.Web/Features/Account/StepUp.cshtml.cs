using System.ComponentModel.DataAnnotations;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Account;

/// <summary>Step-up: the signed-in user re-enters an authenticator code; approving a message needs one from the last 15 minutes.</summary>
public sealed class StepUpModel(StepUp stepUp, IStringLocalizer<Strings> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var check = await stepUp.VerifyAsync(CurrentStaff.From(User).Id, Input.Code, cancellationToken);
        if (check != CodeCheck.Accepted)
        {
            ModelState.AddModelError(string.Empty, localizer[check == CodeCheck.AlreadyUsed ? "Account.CodeAlreadyUsed" : "Account.InvalidCode"]);
            return Page();
        }

        TempData["Status"] = localizer["Account.StepUpDone"].Value;
        return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.CodeLength")]
        [Display(Name = "Account.AuthenticatorCode")]
        public string Code { get; set; } = string.Empty;
    }
}
