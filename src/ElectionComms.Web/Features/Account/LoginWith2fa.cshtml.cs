using System.ComponentModel.DataAnnotations;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Account;

public sealed class LoginWith2faModel(
    SignInManager<AppUser> signIn, OneTimeCodes codes, IStringLocalizer<Strings> localizer, ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("./Login");
        }

        var code = OneTimeCodes.Clean(Input.Code);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("Two-factor sign-in succeeded");
            return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        var spent = !result.IsLockedOut && await codes.IsSpentAsync(code, signIn.UserManager, user);
        logger.LogWarning("Two-factor sign-in refused: {Reason}", result.IsLockedOut ? "locked out" : spent ? "code already used" : "invalid code");
        ModelState.AddModelError(string.Empty, localizer[result.IsLockedOut ? "Account.LockedOut" : spent ? "Account.CodeAlreadyUsed" : "Account.InvalidCode"]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.CodeLength")]
        [Display(Name = "Account.AuthenticatorCode")]
        public string Code { get; set; } = string.Empty;
    }
}
