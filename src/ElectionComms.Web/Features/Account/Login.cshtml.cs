using System.ComponentModel.DataAnnotations;
using ElectionComms.Web.Auth;
using ElectionComms.Web.Localisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ElectionComms.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<Strings> localizer, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Password sign-in succeeded");
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl });
        }

        // One message for unknown e-mail and wrong password, so the form does not reveal who has an account.
        // A deactivated account is locked for good; only then does the message say so.
        var message = !result.IsLockedOut ? "Account.InvalidLogin"
            : await IsDeactivatedAsync(Input.Email.Trim()) ? "Account.Deactivated" : "Account.LockedOut";
        logger.LogWarning("Password sign-in refused: {Reason}", result.IsLockedOut ? "locked out" : "invalid");
        ModelState.AddModelError(string.Empty, localizer[message]);
        return Page();
    }

    private async Task<bool> IsDeactivatedAsync(string email) =>
        await signIn.UserManager.FindByEmailAsync(email) is { LockoutEnd: { } end } && end.Year >= 9999;

    private string SafeReturnUrl() => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.Password")]
        public string Password { get; set; } = string.Empty;
    }
}
